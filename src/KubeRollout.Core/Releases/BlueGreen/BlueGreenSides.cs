using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// Which Deployments are the sides of a Service. Active: those whose pod template the selector matches, or whose
/// pods are its ready endpoints. Standby: the others that a switch of the selector's values would reach — their
/// pod templates carry every key of the selector, share at least one of its values (the same app) and differ in at
/// least one (the slot) — and those the switch history names.
/// </summary>
public static class BlueGreenSides
{
    public static (IReadOnlyList<V1Deployment> Active, IReadOnlyList<V1Deployment> Standby) Of(BlueGreenState state, IReadOnlyList<BlueGreenSwitchRecord> history)
    {
        var selector = state.Selector;
        var serving = state.ServingDeployments().Select(d => d.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var active = state.Deployments
            .Where(d => ServiceSelectors.Matches(selector, d.Spec.Template?.Metadata?.Labels) || serving.Contains(d.Metadata.Uid))
            .OrderBy(d => d.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var named = history.SelectMany(r => (r.From ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Append(r.To)).ToHashSet(StringComparer.Ordinal);
        var standby = state.Deployments
            .Where(d => !active.Contains(d) && (named.Contains(d.Metadata.Name) || IsOtherSide(selector, d.Spec.Template?.Metadata?.Labels)))
            .OrderBy(d => d.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        return (active, standby);
    }

    private static bool IsOtherSide(IReadOnlyDictionary<string, string> selector, IDictionary<string, string>? labels) =>
        labels is not null
        && selector.Count > 0
        && selector.Keys.All(labels.ContainsKey)
        && selector.Any(p => labels[p.Key] == p.Value)
        && selector.Any(p => labels[p.Key] != p.Value);
}
