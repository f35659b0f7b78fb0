using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Partitions;
using KubeRollout.Core.Rollouts.Pods;
using KubeRollout.Core.Workloads;
using static KubeRollout.Core.Tests.Rollouts.StatefulSets.StatefulSetBuilder;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

public class ReplacementPlanningTests
{
    [Fact]
    public void Partition_steps_go_down_by_the_step_and_name_the_ordinals_each_replaces()
    {
        var steps = PartitionPlanner.Steps(current: 5, target: 1, replicas: 5, step: 2);

        Assert.Equal([(5, 3), (3, 1)], steps.Select(s => (s.From, s.To)));
        Assert.Equal([4, 3], steps[0].Ordinals);
        Assert.Equal([2, 1], steps[1].Ordinals);
        Assert.Equal("partition 5 -> 3: replaces ordinals 4, 3", steps[0].ToString());
    }

    [Fact]
    public void Partition_above_the_replicas_starts_stepping_at_the_replica_count()
    {
        var steps = PartitionPlanner.Steps(current: 9, target: 0, replicas: 2, step: 1);

        Assert.Equal([(9, 1), (1, 0)], steps.Select(s => (s.From, s.To)));
        Assert.Equal([[1], [0]], steps.Select(s => s.Ordinals.ToArray()));
    }

    [Fact]
    public void Raising_the_partition_or_setting_it_at_once_is_one_step()
    {
        Assert.Empty(Assert.Single(PartitionPlanner.Steps(current: 0, target: 2, replicas: 3, step: 1)).Ordinals);
        Assert.Equal([2, 1, 0], Assert.Single(PartitionPlanner.Steps(current: 3, target: 0, replicas: 3)).Ordinals);
    }

    [Fact]
    public void Partition_input_is_checked()
    {
        Assert.Equal("PartitionInvalid", Assert.Throws<KubeRolloutException>(() => PartitionPlanner.Steps(2, -1, 3)).ErrorId);
        Assert.Equal("PartitionStepInvalid", Assert.Throws<KubeRolloutException>(() => PartitionPlanner.Steps(2, 0, 3, 0)).ErrorId);
        Assert.NotNull(PartitionPlanner.Warning("statefulset.apps/todo-db", 3, 2));
        Assert.Null(PartitionPlanner.Warning("statefulset.apps/todo-db", 2, 2));
    }

    [Fact]
    public void StatefulSet_pods_are_replaced_from_the_highest_ordinal_skipping_updated_ones()
    {
        var pods = new[] { Pod("todo-db-0", "old"), Pod("todo-db-10", "old"), Pod("todo-db-2", "new"), Pod("todo-db-1", "old") };

        var selection = PodReplacementPlanner.Plan(WorkloadKind.StatefulSet, "todo-db", pods, "new");

        Assert.Equal(["todo-db-10", "todo-db-1", "todo-db-0"], selection.Outdated.Select(t => t.PodName));
        Assert.Equal([10, 1, 0], selection.Outdated.Select(t => t.Ordinal ?? -1));
        Assert.Equal(["todo-db-2"], selection.UpToDate.Select(t => t.PodName));
    }

    [Fact]
    public void Named_ordinals_and_nodes_narrow_the_selection_and_missing_ones_are_errors()
    {
        var pods = new[] { Pod("todo-db-0", "old"), Pod("todo-db-1", "old"), Pod("todo-db-2", "new") };

        Assert.Equal(["todo-db-0"], PodReplacementPlanner.Plan(WorkloadKind.StatefulSet, "todo-db", pods, "new", ordinals: [0]).Outdated.Select(t => t.PodName));
        var error = Assert.Throws<KubeRolloutException>(() => PodReplacementPlanner.Plan(WorkloadKind.StatefulSet, "todo-db", pods, "new", ordinals: [7]));
        Assert.Equal("PodNotFound", error.ErrorId);

        var daemonPods = new[] { Pod("proxy-b", "old", node: "node-2"), Pod("proxy-a", "old", node: "node-1"), Pod("proxy-c", "new", node: "node-3") };
        Assert.Equal(["node-1", "node-2"], PodReplacementPlanner.Plan(WorkloadKind.DaemonSet, "proxy", daemonPods, "new").Outdated.Select(t => t.Node));
        Assert.Equal(["proxy-b"], PodReplacementPlanner.Plan(WorkloadKind.DaemonSet, "proxy", daemonPods, "new", nodes: ["node-2"]).Outdated.Select(t => t.PodName));
    }

    [Fact]
    public void A_pod_is_replaced_only_while_every_other_pod_is_ready()
    {
        var pods = new[] { Pod("todo-db-0", "old"), Pod("todo-db-1", "old", ready: false), Pod("todo-db-2", "old", ready: false) };

        Assert.Equal(["todo-db-2"], PodReplacementPlanner.Blocking(pods, "todo-db-1"));
        Assert.Equal(["todo-db-1", "todo-db-2"], PodReplacementPlanner.Blocking(pods, "todo-db-0"));
    }

    [Fact]
    public void Named_pods_already_up_to_date_are_warned_about_and_unnamed_ones_are_not()
    {
        var pods = new[] { Pod("todo-db-0", "old"), Pod("todo-db-1", "new") };
        var named = PodReplacementPlanner.Plan(WorkloadKind.StatefulSet, "todo-db", pods, "new", ordinals: [0, 1]);
        var all = PodReplacementPlanner.Plan(WorkloadKind.StatefulSet, "todo-db", pods, "new");

        Assert.Equal(["todo-db-1 is already at revision new; it is not replaced."], PodReplacementPlanner.AlreadyUpToDate(named, "new", named: true));
        Assert.Empty(PodReplacementPlanner.AlreadyUpToDate(all, "new", named: false));
    }

    [Fact]
    public void A_pod_or_partition_step_that_did_not_get_there_is_an_error_with_its_own_id_and_the_workload_as_target()
    {
        var replaced = new PodReplacement { Kind = WorkloadKind.StatefulSet, Namespace = "ns", Name = "todo-db", OldPod = "todo-db-1", Revision = "new", Succeeded = true, Message = "replaced" };
        var stuck = new PodReplacement { Kind = WorkloadKind.StatefulSet, Namespace = "ns", Name = "todo-db", OldPod = "todo-db-1", Revision = "new", Message = "todo-db-1 was deleted but its replacement did not become Ready" };
        var stopped = new PartitionStepResult { Namespace = "ns", Name = "todo-db", FromPartition = 3, Partition = 2, Ordinals = [2], Waited = true, Message = "stopped at partition 2" };

        Assert.Null(PodReplacer.FailureOf(replaced));
        var podFailure = PodReplacer.FailureOf(stuck)!;
        Assert.Equal(("PodReplacementFailed", FailureKind.OperationTimeout, stuck.Message), (podFailure.ErrorId, podFailure.Kind, podFailure.Message));
        Assert.Equal(new WorkloadReference(WorkloadKind.StatefulSet, "ns", "todo-db"), podFailure.Target);
        var stepFailure = StatefulSetPartitioner.FailureOf(stopped)!;
        Assert.Equal(("PartitionStepFailed", FailureKind.OperationTimeout, stopped.Message), (stepFailure.ErrorId, stepFailure.Kind, stepFailure.Message));
        Assert.Equal(new WorkloadReference(WorkloadKind.StatefulSet, "ns", "todo-db"), stepFailure.Target);
        Assert.Null(StatefulSetPartitioner.FailureOf(new PartitionStepResult { Namespace = "ns", Name = "todo-db", FromPartition = 3, Partition = 2, Ordinals = [2], Succeeded = true, Message = "ok" }));
    }
}
