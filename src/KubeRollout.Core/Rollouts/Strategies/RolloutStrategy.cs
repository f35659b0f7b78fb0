using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>A workload's rollout settings as the server stored them after Set-KubeRolloutStrategy.</summary>
public sealed class RolloutStrategy
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>RollingUpdate, Recreate (Deployments) or OnDelete (StatefulSets, DaemonSets).</summary>
    public required string Type { get; init; }

    /// <summary>An integer or a percentage; null when the kind or the type has none.</summary>
    public string? MaxSurge { get; init; }

    public string? MaxUnavailable { get; init; }

    /// <summary>StatefulSets: pods with an ordinal below it keep the old revision.</summary>
    public int? Partition { get; init; }

    public int? MinReadySeconds { get; init; }

    /// <summary>Deployments only.</summary>
    public int? ProgressDeadlineSeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    /// <summary>What changed, one line per setting: "strategy.rollingUpdate.maxSurge: 25% -> 1". Empty when nothing had to change.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>
    /// Whether the change started a rollout. Always false: only the pod template starts rollouts, and the strategy
    /// settings are outside it. It is compared before and after rather than assumed, so a server that behaved
    /// otherwise would show.
    /// </summary>
    public bool RolloutTriggered { get; init; }

    /// <summary>Risky choices this change made (also written as PowerShell warnings).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}.apps/{Name} {Type}";
}
