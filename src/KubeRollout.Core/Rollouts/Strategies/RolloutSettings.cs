using k8s.Models;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// The rollout settings of a workload in one shape for every kind. <see cref="HasRollingUpdate"/> says whether the
/// rollingUpdate object exists at all (the API refuses one next to Recreate or OnDelete); settings a kind does
/// not have stay null.
/// </summary>
internal sealed record RolloutSettings
{
    public string? Type { get; init; }

    public bool HasRollingUpdate { get; init; }

    public IntOrString? MaxSurge { get; init; }

    public IntOrString? MaxUnavailable { get; init; }

    public int? Partition { get; init; }

    public int? MinReadySeconds { get; init; }

    public int? ProgressDeadlineSeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    /// <summary>Without the rollingUpdate object and its values, as the API wants it for Recreate and OnDelete.</summary>
    public RolloutSettings WithoutRollingUpdate() => this with { HasRollingUpdate = false, MaxSurge = null, MaxUnavailable = null, Partition = null };
}
