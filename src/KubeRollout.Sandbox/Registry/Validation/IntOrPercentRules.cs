using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>maxSurge / maxUnavailable: a non-negative integer or a percentage.</summary>
internal static partial class IntOrPercentRules
{
    public static void ValidatePositive(IntOrString? value, FieldErrors errors, string path)
    {
        if (value?.Value is not { } text)
        {
            return;
        }

        if (TryInt(text, out var number))
        {
            if (number < 0)
            {
                errors.Invalid(path, GoValue.Int(number), "must be greater than or equal to 0");
            }
        }
        else if (!PercentPattern().IsMatch(text))
        {
            errors.Invalid(path, GoValue.IntOrString(value), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
        }
    }

    public static void ValidateNotMoreThan100Percent(IntOrString? value, FieldErrors errors, string path)
    {
        if (value?.Value is { } text && PercentPattern().IsMatch(text) && Value(value) > 100)
        {
            errors.Invalid(path, GoValue.Quote(text), "must not be greater than 100%");
        }
    }

    /// <summary>The number an int or a percentage holds (0 for anything else), as the API compares them.</summary>
    public static int Value(IntOrString? value)
    {
        var text = value?.Value;
        if (text is null)
        {
            return 0;
        }

        if (TryInt(text, out var number))
        {
            return number;
        }

        return PercentPattern().IsMatch(text) && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : 0;
    }

    private static bool TryInt(string text, out int number) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    [GeneratedRegex("^[0-9]+%$")]
    private static partial Regex PercentPattern();
}
