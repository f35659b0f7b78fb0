using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>
/// A <see cref="V1LabelSelector"/> as the API machinery writes selectors: requirements sorted by key, set values
/// sorted (<c>app=web,tier in (a,b),!legacy</c>). Empty for a nil or empty selector.
/// </summary>
internal static class LabelSelectorText
{
    public static string Format(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return string.Empty;
        }

        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add((key, $"{key}={value}"));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = string.Join(",", (expression.Values ?? []).Order(StringComparer.Ordinal));
            var text = expression.OperatorProperty switch
            {
                "In" => $"{expression.Key} in ({values})",
                "NotIn" => $"{expression.Key} notin ({values})",
                "Exists" => expression.Key,
                "DoesNotExist" => $"!{expression.Key}",
                _ => $"{expression.Key} {expression.OperatorProperty} ({values})",
            };
            requirements.Add((expression.Key, text));
        }

        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }
}
