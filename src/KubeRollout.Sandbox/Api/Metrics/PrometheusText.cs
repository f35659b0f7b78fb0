using System.Globalization;
using System.Text;

namespace KubeRollout.Sandbox.Api.Metrics;

/// <summary>
/// The Prometheus text exposition format (version 0.0.4) as client_golang writes it: HELP and TYPE lines per family,
/// label pairs sorted by name with <c>le</c> last for buckets, values formatted as Go's <c>strconv.FormatFloat(v, 'g', -1, 64)</c>.
/// </summary>
internal sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Family(string name, string help, string type)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <param name="labels">Label pairs in the order they are written (sorted by name by the caller).</param>
    public void Sample(string name, IReadOnlyList<(string Name, string Value)> labels, double value, string? le = null)
    {
        _text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            _text.Append('{');
            var first = true;
            foreach (var (labelName, labelValue) in labels)
            {
                Label(labelName, labelValue, ref first);
            }

            if (le is not null)
            {
                Label("le", le, ref first);
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    /// <summary>Go's shortest 'g' formatting: exponent form below 1e-4 and from 1e21 (from 1e6 for shortest digits).</summary>
    public static string FormatValue(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var exponent = pointPosition - 1;
        var text = exponent < -4 || exponent >= 6 ? Scientific(digits, exponent) : Plain(digits, pointPosition);
        return negative ? "-" + text : text;
    }

    private void Label(string name, string value, ref bool first)
    {
        if (!first)
        {
            _text.Append(',');
        }

        first = false;
        _text.Append(name).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
    }

    /// <summary>The significant digits of the shortest round-trip form and where the decimal point goes.</summary>
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits.Length == 0 ? "0" : digits, integerPart.Length - leadingZeros + exponent);
    }

    private static string Scientific(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        return $"{mantissa}e{sign}{Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static string Plain(string digits, int pointPosition)
    {
        if (pointPosition <= 0)
        {
            return "0." + new string('0', -pointPosition) + digits;
        }

        return pointPosition >= digits.Length
            ? digits + new string('0', pointPosition - digits.Length)
            : digits[..pointPosition] + "." + digits[pointPosition..];
    }

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
