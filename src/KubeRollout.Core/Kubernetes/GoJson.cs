using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Core.Kubernetes;

/// <summary>
/// JSON text exactly as Go's encoding/json writes an unstructured object (map[string]interface{}), as kubectl does
/// for its last-applied record: keys in byte order, no spaces, &lt;, &gt; and &amp; escaped, other non-ASCII text
/// as it is, and numbers as Go prints an int64 or a float64. Hashes that kubectl and kustomize compute over such text
/// (a versioned ConfigMap's name) can only be reproduced byte for byte from the same text.
/// </summary>
public static class GoJson
{
    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => Encoding.UTF8.GetBytes(p.Key), ByteOrder.Instance))
                {
                    text.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(text, key);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                // Whatever .NET type holds the number, its JSON text tells an integer from a float.
                var number = value.ToJsonString();
                text.Append(number.AsSpan().IndexOfAny(".eE") < 0 ? number : Float(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A float64 as encoding/json prints it: the shortest exact digits, in plain notation from 1e-6 up to 1e21.</summary>
    private static string Float(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }

        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(number);
        if (magnitude is < 1e-6 or >= 1e21)
        {
            // Go: 1e-07 is written 1e-7, 1e+21 keeps its sign.
            var (mantissa, exponent) = SplitExponent(shortest);
            return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}".Replace("e-0", "e-", StringComparison.Ordinal);
        }

        if (!shortest.Contains('E', StringComparison.Ordinal))
        {
            return shortest;
        }

        var (digits, power) = SplitExponent(shortest);
        var negative = digits.StartsWith('-');
        var plain = digits.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal);
        var point = digits.TrimStart('-').IndexOf('.') is var dot and >= 0 ? dot : digits.TrimStart('-').Length;
        point += power;
        var result = point <= 0 ? "0." + new string('0', -point) + plain : plain.PadRight(point, '0').Insert(point, ".").TrimEnd('.');
        return (negative ? "-" : string.Empty) + result;
    }

    private static (string Mantissa, int Exponent) SplitExponent(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? (text, 0) : (text[..e], int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case var high when char.IsHighSurrogate(high) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    text.Append(c).Append(value[++i]);
                    break;
                case var lone when char.IsSurrogate(lone):
                    text.Append("\\ufffd"); // a lone surrogate, as Go writes invalid UTF-8
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Go sorts map keys as byte strings, that is by their UTF-8 bytes.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
