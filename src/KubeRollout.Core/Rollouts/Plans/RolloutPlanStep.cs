namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>One step of a rollout plan: what the controller does and the pods there are afterwards.</summary>
public sealed class RolloutPlanStep
{
    /// <summary>0 for the starting state, then 1, 2, …</summary>
    public required int Step { get; init; }

    public required PlanAction Change { get; init; }

    /// <summary>"scale up new to 2", "scale down old to 1", "pods become available".</summary>
    public required string Action { get; init; }

    public required int OldPods { get; init; }

    public required int NewPods { get; init; }

    public int TotalPods => OldPods + NewPods;

    public required int AvailablePods { get; init; }

    public required int UnavailablePods { get; init; }

    /// <summary>The most pods the strategy allows at any time (replicas + maxSurge).</summary>
    public required int MaxPods { get; init; }

    /// <summary>The fewest available pods the strategy allows (replicas − maxUnavailable).</summary>
    public required int MinAvailable { get; init; }

    /// <summary>One symbol per pod: ● old available, ○ old unavailable, ■ new available, □ new starting.</summary>
    public required string Chart { get; init; }

    /// <summary>The plan this step belongs to, as one line ("3 replicas, RollingUpdate maxSurge 1 (≤ 4 pods) …").</summary>
    public required string Plan { get; init; }

    public override string ToString() => $"{Step}: {Action} {Chart}";
}
