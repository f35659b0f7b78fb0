using k8s;
using k8s.Models;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>A validated change of a workload's rollout settings, worked out from one version of it and not sent yet.</summary>
public sealed class StrategyPlan
{
    internal StrategyPlan(
        WorkloadReference workload, StrategyChange request, IKubernetesObject<V1ObjectMeta> live, RolloutSettings before, RolloutSettings after,
        IReadOnlyList<string> changes, IReadOnlyList<string> warnings, string patch)
    {
        Workload = workload;
        Request = request;
        Live = live;
        Before = before;
        After = after;
        Changes = changes;
        Warnings = warnings;
        Patch = patch;
    }

    public WorkloadReference Workload { get; }

    public StrategyChange Request { get; }

    /// <summary>One line per setting that changes: "strategy.type: RollingUpdate -> Recreate".</summary>
    public IReadOnlyList<string> Changes { get; }

    public IReadOnlyList<string> Warnings { get; }

    public bool HasChanges => Changes.Count > 0;

    /// <summary>The strategic merge patch that will be sent (pinned to the version read).</summary>
    public string Patch { get; }

    internal IKubernetesObject<V1ObjectMeta> Live { get; }

    internal RolloutSettings Before { get; }

    internal RolloutSettings After { get; }
}
