using System.Globalization;
using k8s.Models;

namespace KubeRollout.Core.Kubernetes;

/// <summary>
/// An absolute number or a percentage, as maxSurge and maxUnavailable take it, with the API's parsing
/// and the controllers' rounding.
/// </summary>
public readonly record struct IntOrPercent(int Value, bool IsPercent)
{
    public static bool TryParse(string? text, out IntOrPercent result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var isPercent = text.EndsWith('%');
        var digits = isPercent ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        result = new IntOrPercent(value, isPercent);
        return true;
    }

    public static IntOrPercent? From(IntOrString? value) =>
        value?.Value is { } text && TryParse(text, out var parsed) ? parsed : null;

    /// <summary>The absolute value for a total, rounding a percentage up or down.</summary>
    public int Scale(int total, bool roundUp)
    {
        if (!IsPercent)
        {
            return Value;
        }

        var exact = (double)Value * total / 100;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    public IntOrString ToIntOrString() => IsPercent ? (IntOrString)ToString() : (IntOrString)Value;

    public override string ToString() => IsPercent ? $"{Value.ToString(CultureInfo.InvariantCulture)}%" : Value.ToString(CultureInfo.InvariantCulture);
}
