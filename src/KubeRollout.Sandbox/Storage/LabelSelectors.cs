using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>Label selector evaluation as the API machinery does it.</summary>
public static class LabelSelectors
{
    /// <summary>A null selector matches nothing, an empty one everything.</summary>
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        if (selector.MatchLabels?.Any(p => !labels.TryGetValue(p.Key, out var v) || v != p.Value) == true)
        {
            return false;
        }

        return selector.MatchExpressions?.All(r => Matches(r, labels)) ?? true;
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
}
