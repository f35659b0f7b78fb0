using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeRollout.Core.Manifests;

/// <summary>The API's rules for maxSurge and maxUnavailable: a non-negative integer or a percentage ("[0-9]+%").</summary>
internal static partial class IntOrPercentRules
{
    private const string PercentMessage =
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

    /// <summary>ValidatePositiveIntOrPercent: an integer must not be negative, a string must be a percentage.</summary>
    public static void ValidatePositive(IntOrString? value, string path, List<ManifestProblem> problems)
    {
        if (value?.Value is not { } text)
        {
            return;
        }

        if (TryInt(text, out var number))
        {
            if (number < 0)
            {
                problems.Add(new(path, $"Invalid value: {ApiValueText.Int(number)}: must be greater than or equal to 0"));
            }
        }
        else if (!Percent().IsMatch(text))
        {
            problems.Add(new(path, $"Invalid value: {ApiValueText.IntOrString(value)}: {PercentMessage}"));
        }
    }

    public static void ValidateNotMoreThan100Percent(IntOrString? value, string path, List<ManifestProblem> problems)
    {
        if (value?.Value is { } text && Percent().IsMatch(text) && Value(value) > 100)
        {
            problems.Add(new(path, $"Invalid value: {ApiValueText.IntOrString(value)}: must not be greater than 100%"));
        }
    }

    /// <summary>
    /// getIntOrPercentValue: the number a percentage or an integer holds; anything else (and a missing value) is 0,
    /// which is how the API decides whether a value is "zero" in its either-or rules.
    /// </summary>
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

        return Percent().IsMatch(text) && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : 0;
    }

    public static bool IsPercent(IntOrString? value) => value?.Value is { } text && Percent().IsMatch(text);

    private static bool TryInt(string text, out int number) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    [GeneratedRegex("^[0-9]+%$")]
    private static partial Regex Percent();
}
