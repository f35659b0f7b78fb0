using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.DaemonSets;
using KubeRollout.Core.Rollouts.StatefulSets;
using static KubeRollout.Core.Tests.Rollouts.StatefulSets.StatefulSetBuilder;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

public class WorkloadStatusEvaluatorTests
{
    private static RolloutStatus Sts(V1StatefulSetStatus status, int? partition = 0, string strategy = "RollingUpdate", long generation = 2) =>
        StatefulSetStatusEvaluator.Evaluate(StatefulSet("postgres", replicas: 3, strategy: strategy, partition: partition, generation: generation, status: status));

    [Theory]
    [InlineData(0, 0, 0, "Waiting for statefulset spec update to be observed...", RolloutState.Pending)]
    [InlineData(1, 3, 3, "Waiting for statefulset spec update to be observed...", RolloutState.Pending)]
    [InlineData(2, 1, 3, "Waiting for 2 pods to be ready...", RolloutState.Progressing)]
    [InlineData(2, 3, 1, "Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...", RolloutState.Progressing)]
    [InlineData(2, 3, 2, "partitioned roll out complete: 2 new pods have been updated...", RolloutState.Complete)]
    public void StatefulSet_messages_follow_kubectls_order(long observed, int ready, int updated, string message, RolloutState state)
    {
        var status = Sts(new V1StatefulSetStatus { ObservedGeneration = observed, Replicas = 3, ReadyReplicas = ready, UpdatedReplicas = updated }, partition: 1);

        Assert.Equal(message, status.Message);
        Assert.Equal(state, status.State);
    }

    [Theory]
    [InlineData("RollingUpdate", 0)]
    [InlineData("RollingUpdate", null)]
    [InlineData("OnDelete", null)]
    public void A_statefulset_scale_up_is_complete_only_once_its_last_pod_is_ready(string strategy, int? partition)
    {
        // 2 -> 5 replicas: the new pods are made at the update revision one after the other, as kubectl rollout status counts them.
        V1StatefulSetStatus Status(int replicas, int ready) => new()
        {
            ObservedGeneration = 2, Replicas = replicas, ReadyReplicas = ready, AvailableReplicas = ready, UpdatedReplicas = replicas, CurrentReplicas = replicas,
            CurrentRevision = "todo-db-a", UpdateRevision = "todo-db-a",
        };
        RolloutStatus Scaled(V1StatefulSetStatus status) =>
            StatefulSetStatusEvaluator.Evaluate(StatefulSet("postgres", replicas: 5, strategy: strategy, partition: partition, generation: 2, status: status));

        Assert.Equal(("Waiting for 3 pods to be ready...", RolloutState.Progressing), (Scaled(Status(2, 2)).Message, Scaled(Status(2, 2)).State));
        Assert.Equal(("Waiting for 1 pods to be ready...", RolloutState.Progressing), (Scaled(Status(5, 4)).Message, Scaled(Status(5, 4)).State));
        Assert.Equal(RolloutState.Complete, Scaled(Status(5, 5)).State);
        Assert.Equal(RolloutState.Pending, StatefulSetStatusEvaluator.Evaluate(StatefulSet("postgres", replicas: 5, strategy: strategy, partition: partition, generation: 3, status: Status(5, 5))).State);
    }

    [Fact]
    public void StatefulSet_without_rolling_update_settings_reports_revisions()
    {
        var rolling = Sts(new V1StatefulSetStatus { ObservedGeneration = 2, Replicas = 3, ReadyReplicas = 3, UpdatedReplicas = 1, CurrentRevision = "todo-db-a", UpdateRevision = "todo-db-b" }, partition: null);
        var done = Sts(new V1StatefulSetStatus { ObservedGeneration = 2, Replicas = 3, ReadyReplicas = 3, UpdatedReplicas = 3, CurrentReplicas = 3, CurrentRevision = "todo-db-b", UpdateRevision = "todo-db-b" }, partition: null);

        Assert.Equal("waiting for statefulset rolling update to complete 1 pods at revision todo-db-b...", rolling.Message);
        Assert.Equal("statefulset rolling update complete 3 pods at revision todo-db-b...", done.Message);
        Assert.Equal(RolloutState.Complete, done.State);
    }

    [Fact]
    public void StatefulSet_on_delete_tells_how_many_pods_wait_to_be_deleted()
    {
        var waiting = Sts(new V1StatefulSetStatus { ObservedGeneration = 2, Replicas = 3, ReadyReplicas = 3, UpdatedReplicas = 1, CurrentRevision = "todo-db-a", UpdateRevision = "todo-db-b" }, strategy: "OnDelete");
        var done = Sts(new V1StatefulSetStatus { ObservedGeneration = 2, Replicas = 3, ReadyReplicas = 3, UpdatedReplicas = 3, CurrentRevision = "todo-db-b", UpdateRevision = "todo-db-b" }, strategy: "OnDelete");

        Assert.Equal(RolloutState.WaitingForDeletion, waiting.State);
        Assert.Equal(2, waiting.OldReplicas);
        Assert.Contains("2 of 3 pods are still on the old revision", waiting.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutState.Complete, done.State);
    }

    private static RolloutStatus Ds(int desired, int updated, int available, long observed = 2, string strategy = "RollingUpdate") =>
        DaemonSetStatusEvaluator.Evaluate(new V1DaemonSet
        {
            Metadata = new V1ObjectMeta { Name = "todo-proxy", NamespaceProperty = "default", Generation = 2 },
            Spec = new V1DaemonSetSpec { UpdateStrategy = new V1DaemonSetUpdateStrategy { Type = strategy } },
            Status = new V1DaemonSetStatus
            {
                ObservedGeneration = observed, DesiredNumberScheduled = desired, CurrentNumberScheduled = desired,
                UpdatedNumberScheduled = updated, NumberAvailable = available, NumberReady = available,
            },
        });

    [Theory]
    [InlineData(1, 3, 3, "Waiting for daemon set spec update to be observed...", RolloutState.Pending)]
    [InlineData(2, 1, 3, "Waiting for daemon set \"todo-proxy\" rollout to finish: 1 out of 3 new pods have been updated...", RolloutState.Progressing)]
    [InlineData(2, 3, 2, "Waiting for daemon set \"todo-proxy\" rollout to finish: 2 of 3 updated pods are available...", RolloutState.Progressing)]
    [InlineData(2, 3, 3, "daemon set \"todo-proxy\" successfully rolled out", RolloutState.Complete)]
    public void DaemonSet_messages_follow_kubectls_order(long observed, int updated, int available, string message, RolloutState state)
    {
        var status = Ds(3, updated, available, observed);

        Assert.Equal(message, status.Message);
        Assert.Equal(state, status.State);
    }

    [Fact]
    public void DaemonSet_on_delete_waits_for_deletion()
    {
        var status = Ds(3, 1, 3, strategy: "OnDelete");

        Assert.Equal(RolloutState.WaitingForDeletion, status.State);
        Assert.Contains("daemon set \"todo-proxy\" uses the OnDelete update strategy: 2 of 3 pods", status.Message, StringComparison.Ordinal);
        Assert.True(Core.Rollouts.Waiting.RolloutWaiter.IsWaitOver(status));
        Assert.Equal("RolloutWaitingForDeletion", Core.Rollouts.Waiting.RolloutFailures.For(status, null)?.ErrorId);
    }
}
