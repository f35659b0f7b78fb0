using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>The steps a rollout goes through, with the bounds the strategy sets and the extremes the steps reach.</summary>
public sealed class RolloutPlan
{
    public required int Replicas { get; init; }

    public required StrategyType Strategy { get; init; }

    /// <summary>maxSurge resolved to pods (0 for Recreate).</summary>
    public required int MaxSurge { get; init; }

    /// <summary>maxUnavailable resolved to pods (all replicas for Recreate).</summary>
    public required int MaxUnavailable { get; init; }

    public required int MaxPods { get; init; }

    public required int MinAvailable { get; init; }

    public required IReadOnlyList<RolloutPlanStep> Steps { get; init; }

    /// <summary>The most pods any step has.</summary>
    public int PeakPods => Steps.Max(s => s.TotalPods);

    /// <summary>The fewest available pods any step has.</summary>
    public int LowestAvailable => Steps.Min(s => s.AvailablePods);

    public required string Description { get; init; }

    /// <summary>Things to know about the plan (a paused Deployment, a rollout already under way).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
