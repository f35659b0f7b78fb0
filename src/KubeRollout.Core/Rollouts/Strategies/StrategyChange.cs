namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// What to change in a workload's rollout settings; a null setting stays as it is. maxSurge and maxUnavailable
/// are kept as the user wrote them (an integer or a percentage such as "25%") so that a bad value is reported with
/// the API's own message.
/// </summary>
public sealed record StrategyChange
{
    public StrategyType? Type { get; init; }

    public string? MaxSurge { get; init; }

    public string? MaxUnavailable { get; init; }

    /// <summary>StatefulSets only: pods with an ordinal below the partition keep the old revision.</summary>
    public int? Partition { get; init; }

    public int? MinReadySeconds { get; init; }

    /// <summary>Deployments only.</summary>
    public int? ProgressDeadlineSeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    /// <summary>True when nothing is asked for.</summary>
    public bool IsEmpty =>
        Type is null && MaxSurge is null && MaxUnavailable is null && Partition is null
        && MinReadySeconds is null && ProgressDeadlineSeconds is null && RevisionHistoryLimit is null;
}
