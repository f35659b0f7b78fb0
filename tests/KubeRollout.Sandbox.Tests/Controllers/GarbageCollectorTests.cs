using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class GarbageCollectorTests
{
    [Fact]
    public async Task Deleting_a_deployment_in_the_background_removes_its_replica_sets_and_pods()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3), "test");
        await cluster.WaitForRolloutAsync("vweb");

        cluster.Registry.Delete<V1Deployment>(TestCluster.Namespace, "vweb");

        Assert.Null(cluster.Registry.Get<V1Deployment>(TestCluster.Namespace, "vweb"));
        await cluster.WaitUntilAsync(
            () => cluster.Registry.List<V1ReplicaSet>(TestCluster.Namespace).Count == 0 && cluster.Pods("app=vweb").Count == 0,
            "the ReplicaSet and the pods are collected");
    }

    [Fact]
    public async Task Foreground_deletion_removes_the_dependents_before_the_owner()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3), "test");
        await cluster.WaitForRolloutAsync("vweb");

        var ownerGoneWhileDependentsExisted = false;
        var ownerWasWaiting = false;
        void Check(StoreEvent change)
        {
            if (change.Object is V1Deployment { Metadata.Name: "vweb" } d)
            {
                ownerWasWaiting |= d.Metadata.DeletionTimestamp is not null && d.Metadata.Finalizers?.Contains("foregroundDeletion") == true;
                if (change.Type == WatchEventType.Deleted)
                {
                    ownerGoneWhileDependentsExisted = cluster.Registry.List<V1ReplicaSet>(TestCluster.Namespace).Count > 0 || cluster.Pods("app=vweb").Count > 0;
                }
            }
        }

        cluster.Store.Changed += Check;
        try
        {
            cluster.Registry.Delete<V1Deployment>(TestCluster.Namespace, "vweb", "Foreground");
            Assert.NotNull(cluster.Registry.Get<V1Deployment>(TestCluster.Namespace, "vweb")!.Metadata.DeletionTimestamp);

            await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Deployment>(TestCluster.Namespace, "vweb") is null, "the deployment is gone");
        }
        finally
        {
            cluster.Store.Changed -= Check;
        }

        Assert.True(ownerWasWaiting);
        Assert.False(ownerGoneWhileDependentsExisted);
        Assert.Empty(cluster.Registry.List<V1ReplicaSet>(TestCluster.Namespace));
        Assert.Empty(cluster.Pods("app=vweb"));
    }

    [Fact]
    public async Task Orphan_deletion_leaves_the_replica_set_and_its_pods()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 2), "test");
        await cluster.WaitForRolloutAsync("vweb");

        cluster.Registry.Delete<V1Deployment>(TestCluster.Namespace, "vweb", "Orphan");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(5));

        var rs = Assert.Single(cluster.Registry.List<V1ReplicaSet>(TestCluster.Namespace));
        Assert.Null(rs.Metadata.OwnerReferences);
        Assert.Equal(2, cluster.ActivePods("app=vweb").Count);
    }

    [Fact]
    public async Task A_dependent_keeps_living_while_one_of_its_owners_does()
    {
        await using var cluster = new TestCluster();
        var first = cluster.Registry.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "first", NamespaceProperty = TestCluster.Namespace } }, "test");
        var second = cluster.Registry.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "second", NamespaceProperty = TestCluster.Namespace } }, "test");
        cluster.Registry.Create(
            new V1Secret
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "dependent",
                    NamespaceProperty = TestCluster.Namespace,
                    OwnerReferences =
                    [
                        new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "first", Uid = first.Metadata.Uid },
                        new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "second", Uid = second.Metadata.Uid },
                    ],
                },
            },
            "test");

        cluster.Registry.Delete<V1ConfigMap>(TestCluster.Namespace, "first");
        await cluster.WaitUntilAsync(
            () => cluster.Registry.Get<V1Secret>(TestCluster.Namespace, "dependent")?.Metadata.OwnerReferences?.Count == 1,
            "the reference to the deleted owner is removed");

        cluster.Registry.Delete<V1ConfigMap>(TestCluster.Namespace, "second");
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Secret>(TestCluster.Namespace, "dependent") is null, "the dependent is collected with its last owner");
    }
}
