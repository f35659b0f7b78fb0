using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class ReplicaSetControllerTests
{
    [Fact]
    public async Task A_replica_set_creates_its_pods_and_reports_their_state()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.ReplicaSet("web", replicas: 3), "test");

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.AvailableReplicas == 3, "three replicas are available");

        var rs = cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")!;
        Assert.Equal((3, 3, 3, 3, 0, 1L), (rs.Status.Replicas, rs.Status.FullyLabeledReplicas, rs.Status.ReadyReplicas, rs.Status.AvailableReplicas, rs.Status.TerminatingReplicas, rs.Status.ObservedGeneration));
        var pods = cluster.Pods("app=web");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p =>
        {
            Assert.Matches("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$", p.Metadata.Name);
            var owner = Assert.Single(p.Metadata.OwnerReferences);
            Assert.Equal(("apps/v1", "ReplicaSet", "web", rs.Metadata.Uid, true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        });
        await cluster.WaitUntilAsync(() => cluster.EventsFor("web").Count(e => e.Reason == "SuccessfulCreate") == 3, "three SuccessfulCreate events");
    }

    [Fact]
    public async Task Scaling_down_deletes_surplus_pods_and_reports_them_terminating_until_they_are_gone()
    {
        await using var cluster = new TestCluster(timeScale: 20);
        cluster.Registry.Create(Manifests.ReplicaSet("web", replicas: 4), "test");
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.AvailableReplicas == 4, "four replicas are available");

        cluster.Modify<V1ReplicaSet>("web", rs => rs.Spec.Replicas = 1);

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.TerminatingReplicas == 3, "three replicas are terminating");
        Assert.Equal(1, cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")!.Status.Replicas);
        await cluster.WaitUntilAsync(() => cluster.Pods("app=web").Count == 1, "the surplus pods are gone");
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.TerminatingReplicas == 0, "no replica is terminating");
    }

    [Fact]
    public async Task A_replica_set_adopts_a_matching_orphan_and_deletes_the_not_ready_surplus_first()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.ReplicaSet("web", replicas: 2), "test");
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.AvailableReplicas == 2, "two replicas are available");
        var original = cluster.Pods("app=web").Select(p => p.Metadata.Name).ToHashSet();

        cluster.Registry.Create(
            Manifests.Pod("stray", labels: new Dictionary<string, string> { ["app"] = "web" }, annotations: new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "never-ready" }),
            "test");

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "stray") is null, "the adopted surplus pod is deleted");
        Assert.Equal(original, cluster.Pods("app=web").Select(p => p.Metadata.Name).ToHashSet());
    }

    [Fact]
    public async Task A_pod_whose_labels_stop_matching_is_released_and_replaced()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.ReplicaSet("web", replicas: 2), "test");
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, "web")?.Status?.AvailableReplicas == 2, "two replicas are available");
        var released = cluster.Pods("app=web")[0].Metadata.Name;

        cluster.Modify<V1Pod>(released, p => p.Metadata.Labels["app"] = "debug");

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Pod>(TestCluster.Namespace, released)?.Metadata.OwnerReferences is null, "the pod is released");
        await cluster.WaitUntilAsync(() => cluster.ActivePods("app=web").Count == 2, "a replacement is created");
        Assert.NotNull(cluster.Registry.Get<V1Pod>(TestCluster.Namespace, released));
    }

    [Fact]
    public async Task A_replica_set_whose_selector_misses_its_template_is_refused_and_makes_no_pods()
    {
        await using var cluster = new TestCluster();
        var rs = Manifests.ReplicaSet("web", replicas: 2);
        rs.Spec.Selector.MatchLabels["app"] = "other";

        var refused = Assert.Throws<StoreException>(() => cluster.Registry.Create(rs, "test"));

        Assert.Equal((422, "Invalid"), (refused.Code, refused.Reason));
        Assert.Contains("`selector` does not match template `labels`", refused.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Pods());
    }
}
