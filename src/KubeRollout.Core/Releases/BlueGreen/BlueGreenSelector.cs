using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// The selector that sends a Service's traffic to one side and to no other. It keeps the shape of the Service's
/// selector (the same keys, with the target's values), drops keys the target's pods lack, and, when that still
/// matches the pods of another side, adds labels that tell the target apart: first those its Deployment's selector
/// fixes (on every pod it will ever make), then its other template labels. pod-template-hash is never used: it
/// changes with every rollout of the target. When no label tells the target's pods from another side's, there is no
/// such selector and the switch is refused.
/// </summary>
public static class BlueGreenSelector
{
    public static BlueGreenSelection For(IReadOnlyDictionary<string, string> current, SideLabels target, IReadOnlyList<SideLabels> others)
    {
        var labels = target.PodLabels
            .Where(l => l.Key != WellKnownAnnotations.PodTemplateHashLabel)
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in current.Keys.Where(labels.ContainsKey))
        {
            selector[key] = labels[key];
        }

        if (selector.Count == 0)
        {
            foreach (var (key, value) in target.StableLabels.Where(l => labels.ContainsKey(l.Key)))
            {
                selector[key] = value;
            }
        }

        var candidates = target.StableLabels.Keys.Where(labels.ContainsKey).Order(StringComparer.Ordinal)
            .Concat(labels.Keys.Where(k => !target.StableLabels.ContainsKey(k)).Order(StringComparer.Ordinal));
        foreach (var key in candidates)
        {
            var matching = others.Where(o => ServiceSelectors.Matches(selector, o.PodLabels)).ToList();
            if (matching.Count == 0)
            {
                break;
            }

            if (!selector.ContainsKey(key) && matching.Any(o => !o.PodLabels.TryGetValue(key, out var value) || value != labels[key]))
            {
                selector[key] = labels[key];
            }
        }

        var alike = others.Where(o => ServiceSelectors.Matches(selector, o.PodLabels)).Select(o => o.Deployment).ToList();
        if (alike.Count > 0 || selector.Count == 0)
        {
            throw BlueGreenErrors.SidesIndistinguishable(target, alike);
        }

        var unstable = selector.Keys.Where(k => !target.StableLabels.ContainsKey(k)).ToList();
        var warnings = unstable.Count == 0
            ? []
            : new List<string>
            {
                $"The new selector uses {string.Join(", ", unstable)}, which deployment {target.Deployment}'s own selector does not fix: a rollout of {target.Deployment} that changes {(unstable.Count == 1 ? "that label" : "those labels")} takes its pods out of the Service.",
            };
        return new BlueGreenSelection(selector, warnings);
    }
}

/// <summary>A computed selector and what is risky about it.</summary>
public sealed record BlueGreenSelection(IReadOnlyDictionary<string, string> Selector, IReadOnlyList<string> Warnings);
