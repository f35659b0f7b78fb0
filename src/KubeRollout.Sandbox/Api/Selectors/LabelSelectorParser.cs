using System.Globalization;
using System.Text.RegularExpressions;
using KubeRollout.Sandbox.Api.Errors;

namespace KubeRollout.Sandbox.Api.Selectors;

/// <summary>
/// Parses the label selector syntax of the API (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, <c>a&gt;1</c>), comma-separated. Syntax errors are 400 BadRequest.
/// </summary>
internal static partial class LabelSelectorParser
{
    public static LabelQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LabelQuery.Everything;
        }

        var tokens = Tokenize(text);
        var position = 0;
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            requirements.Add(ParseRequirement(tokens, ref position, text));
            if (position == tokens.Count)
            {
                break;
            }

            if (tokens[position] != ",")
            {
                throw Error(text, $"found '{tokens[position]}', expected: ',' or 'end of string'");
            }

            position++;
        }

        return new LabelQuery(requirements);
    }

    private static LabelRequirement ParseRequirement(List<string> tokens, ref int position, string text)
    {
        if (position < tokens.Count && tokens[position] == "!")
        {
            position++;
            var negated = ExpectKey(tokens, ref position, text);
            return new LabelRequirement(negated, LabelOperator.DoesNotExist, []);
        }

        var key = ExpectKey(tokens, ref position, text);
        if (position == tokens.Count || tokens[position] == ",")
        {
            return new LabelRequirement(key, LabelOperator.Exists, []);
        }

        var op = tokens[position++];
        switch (op)
        {
            case "=" or "==":
                return new LabelRequirement(key, LabelOperator.Equals, [ExpectValue(tokens, ref position, text)]);
            case "!=":
                return new LabelRequirement(key, LabelOperator.NotEquals, [ExpectValue(tokens, ref position, text)]);
            case ">" or "<":
                var bound = ExpectValue(tokens, ref position, text);
                if (!long.TryParse(bound, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw Error(text, $"for 'Gt', 'Lt' operators, the value must be an integer");
                }

                return new LabelRequirement(key, op == ">" ? LabelOperator.GreaterThan : LabelOperator.LessThan, [bound]);
            case "in" or "notin":
                return new LabelRequirement(key, op == "in" ? LabelOperator.In : LabelOperator.NotIn, ParseSet(tokens, ref position, text));
            default:
                throw Error(text, $"found '{op}', expected: in, notin, =, ==, !=, gt, lt");
        }
    }

    private static List<string> ParseSet(List<string> tokens, ref int position, string text)
    {
        if (position == tokens.Count || tokens[position] != "(")
        {
            throw Error(text, "found '" + (position < tokens.Count ? tokens[position] : "") + "', expected: '('");
        }

        position++;
        var values = new List<string>();
        while (true)
        {
            if (position < tokens.Count && tokens[position] is "," or ")")
            {
                values.Add(string.Empty); // "a in (x,)" and "a in ()" allow empty values
            }
            else
            {
                values.Add(ExpectValue(tokens, ref position, text));
            }

            if (position == tokens.Count)
            {
                throw Error(text, "found '', expected: ',', ')' or identifier");
            }

            var separator = tokens[position++];
            if (separator == ")")
            {
                return values;
            }

            if (separator != ",")
            {
                throw Error(text, $"found '{separator}', expected: ',', ')' or identifier");
            }
        }
    }

    private static string ExpectKey(List<string> tokens, ref int position, string text)
    {
        if (position == tokens.Count || IsOperator(tokens[position]))
        {
            throw Error(text, "found '" + (position < tokens.Count ? tokens[position] : "") + "', expected: identifier");
        }

        var key = tokens[position++];
        if (!QualifiedName().IsMatch(key) || key.Length > 316)
        {
            throw Error(text, $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return key;
    }

    private static string ExpectValue(List<string> tokens, ref int position, string text)
    {
        if (position == tokens.Count || tokens[position] == ",")
        {
            return string.Empty; // "a=" selects an empty value
        }

        if (IsOperator(tokens[position]))
        {
            throw Error(text, $"found '{tokens[position]}', expected: identifier");
        }

        var value = tokens[position++];
        if (value.Length > 63 || !LabelValue().IsMatch(value))
        {
            throw Error(text, $"Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return value;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is ',' or '(' or ')' or '<' or '>')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '=' or '!')
            {
                var twoChars = i + 1 < text.Length && text[i + 1] == '=';
                tokens.Add(twoChars ? text.Substring(i, 2) : c.ToString());
                i += twoChars ? 2 : 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or '(' or ')' or '<' or '>' or '=' or '!'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static bool IsOperator(string token) => token is "," or "(" or ")" or "=" or "==" or "!=" or "!" or "<" or ">";

    private static Exception Error(string text, string detail) =>
        ApiErrors.BadRequest($"unable to parse requirement: {detail}");

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
