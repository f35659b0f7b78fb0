using k8s.Models;
using KubeRollout.Core.Rollouts.StatefulSets;
using Xunit;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

public sealed class ForcedRollbackTests
{
    private const string Good = "db-good";
    private const string Bad = "db-bad";

    [Fact]
    public void Names_the_pod_of_the_undone_revision_that_holds_an_OrderedReady_StatefulSet()
    {
        var warning = ForcedRollback.Warning(StatefulSet(), Good, [Pod("db-0", Good, ready: true), Pod("db-1", Good, ready: true), Pod("db-2", Bad, ready: false)]);

        Assert.Equal(
            "statefulset.apps/db starts or replaces pods in order and waits while one is not ready, and this pod of another revision is not: " +
            "pod db-2: CrashLoopBackOff, 4 restarts. The rollback does not go on until it is deleted (kubectl delete pod db-2 -n shop); " +
            "the controller then starts it again at the restored revision.",
            warning);
    }

    [Theory]
    [InlineData("Parallel", "RollingUpdate")] // the controller replaces the pod anyway
    [InlineData("OrderedReady", "OnDelete")] // nothing is replaced by the controller: the user deletes pods anyway
    public void Says_nothing_where_the_controller_does_not_wait(string podManagement, string strategy)
    {
        Assert.Null(ForcedRollback.Warning(StatefulSet(podManagement, strategy), Good, [Pod("db-2", Bad, ready: false)]));
    }

    [Fact]
    public void Says_nothing_about_pods_of_the_restored_revision_or_pods_that_are_ready()
    {
        Assert.Null(ForcedRollback.Warning(StatefulSet(), Good, [Pod("db-1", Good, ready: false), Pod("db-2", Bad, ready: true)]));
    }

    private static V1StatefulSet StatefulSet(string podManagement = "OrderedReady", string strategy = "RollingUpdate") => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "shop", Uid = "uid-db" },
        Spec = new V1StatefulSetSpec { PodManagementPolicy = podManagement, UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = strategy } },
    };

    private static V1Pod Pod(string name, string revision, bool ready) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { ["controller-revision-hash"] = revision },
            OwnerReferences = [new V1OwnerReference { Controller = true, Uid = "uid-db", Kind = "StatefulSet", Name = "db", ApiVersion = "apps/v1" }],
        },
        Status = new V1PodStatus
        {
            Phase = "Running",
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
            ContainerStatuses = ready ? [] : [new V1ContainerStatus { Name = "db", RestartCount = 4, State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } } }],
        },
    };
}
