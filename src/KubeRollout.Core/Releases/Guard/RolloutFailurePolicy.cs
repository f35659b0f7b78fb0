using System.Globalization;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.Waiting;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Guard;

/// <summary>
/// What a wait does with each rollout once the wait is over, and how it says so (pure). A complete rollout is
/// returned. Any other end is an error (<see cref="RolloutFailures"/>) that names the state of the pods the rollout
/// waits for when it failed or ran out of time. With rollback on failure, a rollout that failed (its progress
/// deadline passed; for a StatefulSet or DaemonSet, the timeout passed before it completed) is rolled back to the
/// previous revision first: a warning says so, and the error then tells which revision it went back to and whether
/// that one rolled out.
/// </summary>
public static class RolloutFailurePolicy
{
    /// <summary>At most this many pods are named; the others are counted.</summary>
    public const int NamedPods = 10;

    public static RolloutVerdict Judge(RolloutStatus status, TimeSpan? timeout, bool rollbackOnFailure) =>
        RolloutFailures.For(status, timeout) is null ? RolloutVerdict.Completed
        : rollbackOnFailure && HasFailed(status) ? RolloutVerdict.RollBack
        : RolloutVerdict.Fail;

    /// <summary>
    /// A Deployment fails when its progress deadline passes. StatefulSets and DaemonSets have no progress deadline: for
    /// them a rollout still going on when the wait's timeout passed has failed, as Helm's --atomic judges any workload.
    /// </summary>
    public static bool HasFailed(RolloutStatus status) =>
        status.State == RolloutState.Failed
        || (status.Kind is WorkloadKind.StatefulSet or WorkloadKind.DaemonSet && status.State is RolloutState.Progressing or RolloutState.Pending);

    /// <summary>Whether the pods explain the end: a failed rollout or one that ran out of time (not paused, waiting for deletions or deleted).</summary>
    public static bool NeedsDiagnosis(RolloutStatus status) => status.State is RolloutState.Failed or RolloutState.Progressing or RolloutState.Pending;

    /// <summary>The pods' problems as lines to add to a message (empty when there are none).</summary>
    public static string Diagnosis(IReadOnlyList<PodProblem> problems)
    {
        if (problems.Count == 0)
        {
            return string.Empty;
        }

        var lines = problems.Take(NamedPods).Select(p => $"  {p}").ToList();
        if (problems.Count > NamedPods)
        {
            lines.Add($"  and {(problems.Count - NamedPods).ToString(CultureInfo.InvariantCulture)} more pods");
        }

        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>The error for a rollout that did not complete, with the pods' state; null when it completed.</summary>
    public static KubeRolloutException? Failure(RolloutStatus status, TimeSpan? timeout, string diagnosis) =>
        RolloutFailures.For(status, timeout) is { } failure
            ? new KubeRolloutException(failure.ErrorId, failure.Kind, failure.Message + diagnosis, failure.Target)
            : null;

    /// <summary>The warning written before a failed rollout is rolled back.</summary>
    public static string RollingBack(KubeRolloutException failure, RolloutStatus status) =>
        $"{failure.Message}{Environment.NewLine}Rolling {Workload(status).ResourceName} back to the previous revision.";

    /// <summary>The error for a rollout that failed and was rolled back (RolloutRolledBack).</summary>
    /// <param name="restoredCompletely">Whether the revision rolled back to then rolled out completely.</param>
    /// <param name="failure">The failure that was rolled back (<see cref="Failure"/>), with the pods' state.</param>
    public static KubeRolloutException RolledBack(KubeRolloutException failure, RolloutStatus status, UndoResult undo, bool restoredCompletely)
    {
        var now = undo.NewRevision?.ToString(CultureInfo.InvariantCulture) ?? "?";
        return new KubeRolloutException(
            "RolloutRolledBack", FailureKind.InvalidResult,
            $"{failure.Message}{Environment.NewLine}Rolled back to revision {undo.ToRevision.ToString(CultureInfo.InvariantCulture)} (now revision {now}){(restoredCompletely ? ", which rolled out completely." : ".")}",
            Workload(status));
    }

    /// <summary>How far a rollout is, for a progress bar: the share of replicas both updated and available (-1: unknown).</summary>
    public static int PercentComplete(RolloutStatus status) =>
        status.Replicas == 0 ? -1 : Math.Min(100, 100 * Math.Min(status.UpdatedReplicas, status.AvailableReplicas) / status.Replicas);

    public static WorkloadReference Workload(RolloutStatus status) => new(status.Kind, status.Namespace, status.Name);
}
