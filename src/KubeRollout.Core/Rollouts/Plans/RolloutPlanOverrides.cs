using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>
/// Settings that replace a Deployment's own in a plan ("what if maxSurge were 2?"); null keeps the Deployment's.
/// maxSurge and maxUnavailable as the user wrote them: an integer or a percentage.
/// </summary>
public sealed record RolloutPlanOverrides
{
    public int? Replicas { get; init; }

    public StrategyType? Strategy { get; init; }

    public string? MaxSurge { get; init; }

    public string? MaxUnavailable { get; init; }
}
