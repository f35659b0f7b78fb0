using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>Choices the API accepts but that users regret: each warned about when the change makes it.</summary>
internal static class StrategyWarnings
{
    public static IReadOnlyList<string> For(WorkloadStrategyKind kind, RolloutSettings before, RolloutSettings after, int? pods)
    {
        var warnings = new List<string>();
        var typeChanged = before.Type != after.Type;
        if (typeChanged && after.Type == nameof(StrategyType.Recreate))
        {
            warnings.Add(RecreateDowntime.Explanation);
        }

        if (typeChanged && after.Type == nameof(StrategyType.OnDelete))
        {
            warnings.Add($"OnDelete updates no pod by itself: after a template change every pod keeps the old revision until you delete it, and rollout status is not available for {kind.Kind}s with OnDelete.");
        }

        var unavailableChosen = typeChanged || !StrategyEditor.SameAmount(before.MaxUnavailable, after.MaxUnavailable);
        if (after.HasRollingUpdate && unavailableChosen && LetsAllPodsGo(kind.Kind, after.MaxUnavailable, pods))
        {
            var all = pods is { } count ? $"all {count.ToString(CultureInfo.InvariantCulture)} pods" : "all pods";
            warnings.Add($"maxUnavailable {after.MaxUnavailable!.Value} lets {all} be unavailable at once: a rollout may take the whole application down, as Recreate does.");
        }

        if (kind.Kind == WorkloadKind.StatefulSet && before.Partition != after.Partition && after.Partition is > 0 and var partition && pods is { } replicas && partition >= replicas)
        {
            warnings.Add($"partition {partition.ToString(CultureInfo.InvariantCulture)} is not below the {replicas.ToString(CultureInfo.InvariantCulture)} replicas: a rollout updates no pod until the partition is lowered.");
        }

        return warnings;
    }

    /// <summary>
    /// 100%, or a number that covers every pod once resolved as the controller resolves it (Deployments round a
    /// percentage down, StatefulSets and DaemonSets up).
    /// </summary>
    private static bool LetsAllPodsGo(WorkloadKind kind, IntOrString? maxUnavailable, int? pods)
    {
        if (maxUnavailable is null)
        {
            return false;
        }

        var value = IntOrPercentRules.Value(maxUnavailable);
        if (!IntOrPercentRules.IsPercent(maxUnavailable))
        {
            return pods is > 0 && value >= pods;
        }

        if (value >= 100)
        {
            return true;
        }

        if (pods is not { } count || count <= 0)
        {
            return false;
        }

        var exact = (double)value * count / 100;
        var resolved = (int)(kind == WorkloadKind.Deployment ? Math.Floor(exact) : Math.Ceiling(exact));
        return resolved >= count;
    }
}
