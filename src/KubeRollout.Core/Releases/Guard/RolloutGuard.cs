using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.StatefulSets;
using KubeRollout.Core.Rollouts.Waiting;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Guard;

/// <summary>
/// Waits for rollouts (Wait-KubeRollout, Invoke-KubeRollout -Wait) and deals with those that do not complete as
/// <see cref="RolloutFailurePolicy"/> says: each is an error naming its pods' state; with rollback on failure, a
/// failed one is undone to the previous revision (<see cref="ConfigCheckedUndo"/>), which is then waited for.
/// </summary>
public static class RolloutGuard
{
    /// <summary>
    /// The rollouts that completed (those rolled back to included, once the restored revision completed); everything
    /// else is reported to <paramref name="report"/> as it happens: progress, warnings, undo results and errors. A
    /// lost connection ends the wait with its own error (ClusterUnreachable, …).
    /// </summary>
    public static async Task<IReadOnlyList<RolloutStatus>> WaitAsync(
        KubeApiClient client, IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout, bool rollbackOnFailure,
        Action<RolloutGuardEvent> report, CancellationToken cancellationToken)
    {
        if (timeout is null)
        {
            report(new RolloutGuardEvent.Noted("Waiting without a time limit, as kubectl rollout status does: use -Timeout to set one; Ctrl+C stops the wait."));
        }

        var completed = new List<RolloutStatus>();
        try
        {
            foreach (var status in await WatchAsync(client, workloads, timeout, report, cancellationToken).ConfigureAwait(false))
            {
                var verdict = RolloutFailurePolicy.Judge(status, timeout, rollbackOnFailure);
                if (verdict == RolloutVerdict.Completed)
                {
                    completed.Add(status);
                    continue;
                }

                var workload = RolloutFailurePolicy.Workload(status);
                var diagnosis = RolloutFailurePolicy.NeedsDiagnosis(status)
                    ? RolloutFailurePolicy.Diagnosis(await DiagnoseAsync(client, workload, cancellationToken).ConfigureAwait(false))
                    : string.Empty;
                var failure = RolloutFailurePolicy.Failure(status, timeout, diagnosis)!;
                if (verdict == RolloutVerdict.Fail)
                {
                    report(new RolloutGuardEvent.Failed(failure));
                    continue;
                }

                report(new RolloutGuardEvent.Warned(RolloutFailurePolicy.RollingBack(failure, status)));
                UndoResult undo;
                try
                {
                    undo = await ConfigCheckedUndo.UndoAsync(client, workload, 0, serverDryRun: false, force: false, cancellationToken).ConfigureAwait(false);
                }
                catch (KubeRolloutException e) when (!Stopped(e, cancellationToken))
                {
                    // The rollout failed and cannot be rolled back (the previous revision's config is gone, say): both are errors.
                    report(new RolloutGuardEvent.Failed(failure));
                    report(new RolloutGuardEvent.Failed(e));
                    continue;
                }

                report(new RolloutGuardEvent.RolledBack(undo));
                if (await ForcedRollbackAsync(client, workload, report, cancellationToken).ConfigureAwait(false) is { } forced)
                {
                    report(new RolloutGuardEvent.Warned(forced));
                }
                else
                {
                    undo.Warnings.ToList().ForEach(w => report(new RolloutGuardEvent.Warned(w)));
                }

                var restored = await WaitAsync(client, [workload], timeout, rollbackOnFailure: false, report, cancellationToken).ConfigureAwait(false);
                report(new RolloutGuardEvent.Failed(RolloutFailurePolicy.RolledBack(failure, status, undo, restored.Count > 0)));
                completed.AddRange(restored);
            }
        }
        catch (KubeRolloutException e) when (!Stopped(e, cancellationToken))
        {
            report(new RolloutGuardEvent.Failed(e));
        }

        return completed;
    }

    private static async Task<IReadOnlyList<RolloutStatus>> WatchAsync(
        KubeApiClient client, IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout, Action<RolloutGuardEvent> report, CancellationToken cancellationToken)
    {
        var activities = workloads.Distinct().Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i + 1);
        var statuses = await RolloutWaiter.WaitAsync(
            client, workloads, timeout,
            status =>
            {
                var workload = RolloutFailurePolicy.Workload(status);
                report(new RolloutGuardEvent.Observed(
                    status, activities.GetValueOrDefault(workload, 1), $"Waiting for {workload.ResourceName} ({workload.Namespace})", RolloutFailurePolicy.PercentComplete(status)));
            },
            cancellationToken).ConfigureAwait(false);
        report(new RolloutGuardEvent.Ended(activities.Values.ToList()));
        return statuses;
    }

    /// <summary>
    /// For a StatefulSet, deletes the pods of the failed revision that hold the restored one back (<see cref="ForcedRollback"/>);
    /// what it did, or null. A failure is reported and the wait for the restored revision goes on.
    /// </summary>
    private static async Task<string?> ForcedRollbackAsync(KubeApiClient client, WorkloadReference workload, Action<RolloutGuardEvent> report, CancellationToken cancellationToken)
    {
        if (workload.Kind != WorkloadKind.StatefulSet)
        {
            return null;
        }

        try
        {
            return await ForcedRollback.DeleteBlockingPodsAsync(client, workload, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeRolloutException e) when (!Stopped(e, cancellationToken))
        {
            report(new RolloutGuardEvent.Failed(e));
            return null;
        }
    }

    /// <summary>The pods' problems; none when they cannot be read (the error that ended the wait says why).</summary>
    private static async Task<IReadOnlyList<PodProblem>> DiagnoseAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        try
        {
            return await PodDiagnostics.ForWorkloadAsync(client, workload, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeRolloutException e) when (!Stopped(e, cancellationToken))
        {
            return [];
        }
    }

    private static bool Stopped(KubeRolloutException e, CancellationToken cancellationToken) =>
        e.Kind == FailureKind.OperationStopped && cancellationToken.IsCancellationRequested;
}
