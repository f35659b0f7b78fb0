using KubeRollout.Core.Releases.Guard;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Releases.Guard;

public sealed class RolloutFailurePolicyTests
{
    private static readonly string NewLine = Environment.NewLine;

    private static RolloutStatus Status(RolloutState state, string message, WorkloadKind kind = WorkloadKind.Deployment, int replicas = 4, int updated = 0, int available = 0) => new()
    {
        Kind = kind,
        Namespace = "ns",
        Name = "web",
        State = state,
        Message = message,
        Replicas = replicas,
        UpdatedReplicas = updated,
        AvailableReplicas = available,
    };

    private static readonly RolloutStatus Failed = Status(RolloutState.Failed, "deployment \"web\" exceeded its progress deadline");

    private static readonly PodProblem Crashing = new("web-5d9c-abcde", "CrashLoopBackOff", 3, "back-off 40s restarting failed container", 1);

    [Theory]
    [InlineData(RolloutState.Complete, false, RolloutVerdict.Completed)]
    [InlineData(RolloutState.Complete, true, RolloutVerdict.Completed)]
    [InlineData(RolloutState.Failed, false, RolloutVerdict.Fail)]
    [InlineData(RolloutState.Failed, true, RolloutVerdict.RollBack)]
    [InlineData(RolloutState.Progressing, true, RolloutVerdict.Fail)]
    [InlineData(RolloutState.Paused, true, RolloutVerdict.Fail)]
    [InlineData(RolloutState.WaitingForDeletion, true, RolloutVerdict.Fail)]
    [InlineData(RolloutState.Deleted, true, RolloutVerdict.Fail)]
    public void Only_a_failed_rollout_is_rolled_back_and_only_when_asked(RolloutState state, bool rollbackOnFailure, RolloutVerdict expected)
    {
        Assert.Equal(expected, RolloutFailurePolicy.Judge(Status(state, "m"), TimeSpan.FromSeconds(5), rollbackOnFailure));
    }

    [Theory]
    [InlineData(WorkloadKind.StatefulSet, RolloutState.Progressing, RolloutVerdict.RollBack)]
    [InlineData(WorkloadKind.DaemonSet, RolloutState.Pending, RolloutVerdict.RollBack)]
    [InlineData(WorkloadKind.Deployment, RolloutState.Progressing, RolloutVerdict.Fail)]
    [InlineData(WorkloadKind.StatefulSet, RolloutState.Paused, RolloutVerdict.Fail)]
    [InlineData(WorkloadKind.DaemonSet, RolloutState.WaitingForDeletion, RolloutVerdict.Fail)]
    public void Kinds_without_a_progress_deadline_are_rolled_back_when_the_timeout_passes(WorkloadKind kind, RolloutState state, RolloutVerdict expected)
    {
        Assert.Equal(expected, RolloutFailurePolicy.Judge(Status(state, "m", kind), TimeSpan.FromSeconds(5), rollbackOnFailure: true));
    }

    [Fact]
    public void A_rollback_after_a_timeout_says_the_wait_timed_out()
    {
        var waiting = Status(RolloutState.Progressing, "Waiting for 1 pods to be ready...", WorkloadKind.StatefulSet);
        var failure = RolloutFailurePolicy.Failure(waiting, TimeSpan.FromSeconds(20), string.Empty)!;

        Assert.Equal(
            $"timed out waiting for the condition (20s): Waiting for 1 pods to be ready...{NewLine}Rolling statefulset.apps/web back to the previous revision.",
            RolloutFailurePolicy.RollingBack(failure, waiting));
    }

    [Theory]
    [InlineData(RolloutState.Failed, true)]
    [InlineData(RolloutState.Progressing, true)]
    [InlineData(RolloutState.Pending, true)]
    [InlineData(RolloutState.Paused, false)]
    [InlineData(RolloutState.WaitingForDeletion, false)]
    [InlineData(RolloutState.Deleted, false)]
    [InlineData(RolloutState.Complete, false)]
    public void The_pods_are_named_when_the_rollout_failed_or_ran_out_of_time(RolloutState state, bool named)
    {
        Assert.Equal(named, RolloutFailurePolicy.NeedsDiagnosis(Status(state, "m")));
    }

    [Fact]
    public void A_failure_keeps_kubectls_message_and_id_and_adds_one_line_per_pod()
    {
        var failure = RolloutFailurePolicy.Failure(Failed, null, RolloutFailurePolicy.Diagnosis([Crashing]))!;

        Assert.Equal("RolloutFailed", failure.ErrorId);
        Assert.Equal(
            $"deployment \"web\" exceeded its progress deadline{NewLine}  pod web-5d9c-abcde: CrashLoopBackOff, 3 restarts, last exit code 1 (back-off 40s restarting failed container)",
            failure.Message);
        Assert.Equal(RolloutFailurePolicy.Workload(Failed), failure.Target);
    }

    [Fact]
    public void A_timeout_names_the_pods_after_kubectls_words()
    {
        var progressing = Status(RolloutState.Progressing, "Waiting for deployment \"web\" rollout to finish: 0 of 4 updated replicas are available...");

        var failure = RolloutFailurePolicy.Failure(progressing, TimeSpan.FromSeconds(5), RolloutFailurePolicy.Diagnosis([Crashing]))!;

        Assert.Equal("RolloutTimeout", failure.ErrorId);
        Assert.StartsWith("timed out waiting for the condition (5s): Waiting for deployment \"web\" rollout to finish", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("pod web-5d9c-abcde: CrashLoopBackOff, 3 restarts, last exit code 1 (back-off 40s restarting failed container)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_rollout_is_no_failure()
    {
        Assert.Null(RolloutFailurePolicy.Failure(Status(RolloutState.Complete, "successfully rolled out"), null, string.Empty));
    }

    [Fact]
    public void At_most_ten_pods_are_named_and_the_others_counted()
    {
        var problems = Enumerable.Range(0, 13).Select(i => new PodProblem($"web-{i:00}", "ImagePullBackOff", 0, null, null)).ToList();

        var lines = RolloutFailurePolicy.Diagnosis(problems).Split(NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(11, lines.Length);
        Assert.Equal("  pod web-09: ImagePullBackOff, 0 restarts", lines[9]);
        Assert.Equal("  and 3 more pods", lines[10]);
        Assert.Equal(string.Empty, RolloutFailurePolicy.Diagnosis([]));
    }

    [Fact]
    public void The_rollback_is_announced_then_reported_with_the_revision_it_went_back_to()
    {
        var diagnosis = RolloutFailurePolicy.Diagnosis([Crashing]);
        var undo = new UndoResult { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "web", FromRevision = 2, ToRevision = 1, NewRevision = 3, Message = "rolled back" };
        var notRenumbered = new UndoResult { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "web", FromRevision = 2, ToRevision = 1, Message = "rolled back" };

        var failure = RolloutFailurePolicy.Failure(Failed, null, diagnosis)!;
        var warning = RolloutFailurePolicy.RollingBack(failure, Failed);
        var rolledBack = RolloutFailurePolicy.RolledBack(failure, Failed, undo, restoredCompletely: true);
        var stillRolling = RolloutFailurePolicy.RolledBack(failure, Failed, notRenumbered, restoredCompletely: false);

        Assert.Equal($"{Failed.Message}{diagnosis}{NewLine}Rolling deployment.apps/web back to the previous revision.", warning);
        Assert.Equal("RolloutRolledBack", rolledBack.ErrorId);
        Assert.Equal(Core.Errors.FailureKind.InvalidResult, rolledBack.Kind);
        Assert.Equal($"{Failed.Message}{diagnosis}{NewLine}Rolled back to revision 1 (now revision 3), which rolled out completely.", rolledBack.Message);
        Assert.EndsWith("Rolled back to revision 1 (now revision ?).", stillRolling.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, -1)]
    [InlineData(4, 4, 1, 25)]
    [InlineData(4, 2, 4, 50)]
    [InlineData(3, 3, 3, 100)]
    [InlineData(2, 3, 3, 100)]
    public void Progress_is_the_share_of_replicas_both_updated_and_available(int replicas, int updated, int available, int percent)
    {
        Assert.Equal(percent, RolloutFailurePolicy.PercentComplete(Status(RolloutState.Progressing, "m", replicas: replicas, updated: updated, available: available)));
    }
}
