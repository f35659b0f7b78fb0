using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>The rollout operations of one workload kind, with kubectl's semantics and messages.</summary>
internal interface IRolloutOperations
{
    WorkloadKind Kind { get; }

    ApiResource Resource { get; }

    Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(KubeApiClient client, WorkloadReference workload, Action<string>? warn, CancellationToken cancellationToken);

    Task<RolloutStatus> GetStatusAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken);

    /// <summary>The status of a workload object received from a watch (the object's own fields only).</summary>
    RolloutStatus Evaluate(object workload);

    /// <summary>The status of a workload object with its current revision number, reading its revisions when the object does not name it.</summary>
    Task<RolloutStatus> EvaluateWithRevisionAsync(KubeApiClient client, object workload, CancellationToken cancellationToken);

    /// <summary>What an undo would do, reading only (for -WhatIf and client dry runs).</summary>
    Task<UndoResult> PlanUndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, CancellationToken cancellationToken);

    Task<UndoResult> UndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool serverDryRun, CancellationToken cancellationToken);

    /// <summary>kubectl rollout restart; with <paramref name="changeCause"/>, the new revision records it (kubernetes.io/change-cause).</summary>
    Task<RolloutActionResult> RestartAsync(KubeApiClient client, WorkloadReference workload, DateTime now, bool dryRun, string? changeCause, CancellationToken cancellationToken);
}
