using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>
/// kubectl rollout on any workload: history, status, undo, restart, pause and resume, with kubectl's semantics and
/// messages. The workload's kind picks the implementation (ReplicaSets for Deployments, ControllerRevisions for
/// StatefulSets and DaemonSets); callers never choose one.
/// </summary>
public static class RolloutOperations
{
    private static readonly DeploymentRolloutOperations Deployments = new();

    internal static StatefulSetRolloutOperations StatefulSets { get; } = new();

    internal static DaemonSetRolloutOperations DaemonSets { get; } = new();

    /// <summary>kubectl rollout history: every revision, oldest first; <paramref name="warn"/> hears about revisions that cannot be read.</summary>
    public static Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(KubeApiClient client, WorkloadReference workload, Action<string>? warn, CancellationToken cancellationToken) =>
        For(workload.Kind).GetHistoryAsync(client, workload, warn, cancellationToken);

    /// <summary>kubectl rollout status --watch=false.</summary>
    public static Task<RolloutStatus> GetStatusAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        For(workload.Kind).GetStatusAsync(client, workload, cancellationToken);

    /// <summary>What an undo would do, reading only (for -WhatIf and client dry runs); 0 is the previous revision.</summary>
    public static Task<UndoResult> PlanUndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, CancellationToken cancellationToken) =>
        For(workload.Kind).PlanUndoAsync(client, workload, toRevision, cancellationToken);

    /// <summary>
    /// kubectl rollout undo [--to-revision N] [--dry-run=server]. It plans again from what it reads when it writes
    /// (a plan shown earlier may be stale), as kubectl does.
    /// </summary>
    public static Task<UndoResult> UndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool serverDryRun, CancellationToken cancellationToken) =>
        For(workload.Kind).UndoAsync(client, workload, toRevision, serverDryRun, cancellationToken);

    /// <summary>kubectl rollout restart; with <paramref name="changeCause"/>, the new revision records it.</summary>
    public static Task<RolloutActionResult> RestartAsync(
        KubeApiClient client, WorkloadReference workload, DateTime now, bool dryRun, string? changeCause, CancellationToken cancellationToken) =>
        For(workload.Kind).RestartAsync(client, workload, now, dryRun, changeCause, cancellationToken);

    /// <summary>kubectl rollout pause / resume: Deployments only, refused when already in that state.</summary>
    public static Task<RolloutActionResult> SetPausedAsync(KubeApiClient client, WorkloadReference workload, bool paused, bool dryRun, CancellationToken cancellationToken)
    {
        RequirePausable(workload);
        return Deployments.SetPausedAsync(client, workload, paused, dryRun, cancellationToken);
    }

    /// <summary>Refuses, before anything is read or asked, a workload that cannot be paused: only Deployments can.</summary>
    public static void RequirePausable(WorkloadReference workload)
    {
        if (workload.Kind != WorkloadKind.Deployment)
        {
            throw new KubeRolloutException(
                "PauseNotSupported", FailureKind.InvalidOperation,
                $"{workload.ResourceName} cannot be paused or resumed: only Deployments can (kubectl rollout pause/resume support deployments only).", workload);
        }
    }

    internal static IRolloutOperations For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => Deployments,
        WorkloadKind.StatefulSet => StatefulSets,
        WorkloadKind.DaemonSet => DaemonSets,
        _ => throw new KubeRolloutException(
            "WorkloadKindNotSupported", FailureKind.NotImplemented, $"Rollouts of {kind}s are not supported yet.", kind),
    };
}
