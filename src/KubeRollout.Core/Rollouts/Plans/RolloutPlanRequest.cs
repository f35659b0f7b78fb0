using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>What to plan: a Deployment's replicas and strategy, and the pods it has when the plan starts.</summary>
public sealed record RolloutPlanRequest
{
    public required int Replicas { get; init; }

    public StrategyType Strategy { get; init; } = StrategyType.RollingUpdate;

    public IntOrPercent MaxSurge { get; init; } = new(25, true);

    public IntOrPercent MaxUnavailable { get; init; } = new(25, true);

    /// <summary>Default: a rollout that has not started (every pod old and available).</summary>
    public RolloutPlanState? Start { get; init; }

    /// <summary>Where the plan comes from, for its description ("deployment.apps/vweb, next rollout").</summary>
    public string? Source { get; init; }
}
