using k8s.Models;

namespace KubeRollout.Core.Kubernetes;

/// <summary>Evaluates a label selector (matchLabels and matchExpressions) against a set of labels.</summary>
public static class LabelSelectorMatcher
{
    /// <summary>
    /// True when the labels satisfy the selector. A null selector matches nothing and an empty one everything,
    /// as for workload selectors.
    /// </summary>
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return (selector.MatchExpressions ?? []).All(expression => Matches(expression, labels));
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => has && values.Contains(value!),
            "NotIn" => !has || !values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }

    /// <summary>The selector in the query-string form of the API (<c>app=vweb,tier in (web)</c>).</summary>
    public static string ToQueryString(V1LabelSelector selector)
    {
        var parts = (selector.MatchLabels ?? new Dictionary<string, string>())
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}")
            .ToList();
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var values = string.Join(",", (requirement.Values ?? []).OrderBy(v => v, StringComparer.Ordinal));
            parts.Add(requirement.OperatorProperty switch
            {
                "In" => $"{requirement.Key} in ({values})",
                "NotIn" => $"{requirement.Key} notin ({values})",
                "Exists" => requirement.Key,
                "DoesNotExist" => $"!{requirement.Key}",
                var other => throw new ArgumentException($"unknown selector operator \"{other}\""),
            });
        }

        return string.Join(",", parts);
    }
}
