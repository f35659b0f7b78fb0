using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class DeploymentRevisionTests
{
    [Fact]
    public async Task A_template_change_creates_revision_2_and_changing_back_reuses_revision_1_as_3()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 2), "test");
        var v1 = await cluster.WaitForRolloutAsync("vweb");
        var firstRS = Assert.Single(cluster.ReplicaSetsOf(v1));

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        var v2 = await cluster.WaitForRolloutAsync("vweb");
        Assert.Equal("2", v2.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var replicaSets = cluster.ReplicaSetsOf(v2);
        Assert.Equal(2, replicaSets.Count);
        var secondRS = replicaSets.Single(rs => rs.Metadata.Uid != firstRS.Metadata.Uid);
        Assert.Equal("2", secondRS.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal(2, secondRS.Spec.Replicas);
        Assert.Equal(0, cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, firstRS.Metadata.Name)!.Spec.Replicas);
        Assert.All(cluster.ActivePods("app=vweb"), p => Assert.Equal("kiamol/ch09-vweb:v2", p.Spec.Containers[0].Image));

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v1");
        var v3 = await cluster.WaitForRolloutAsync("vweb");

        Assert.Equal("3", v3.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal(2, cluster.ReplicaSetsOf(v3).Count);
        var reused = cluster.Registry.Get<V1ReplicaSet>(TestCluster.Namespace, firstRS.Metadata.Name)!;
        Assert.Equal(firstRS.Metadata.Uid, reused.Metadata.Uid);
        Assert.Equal("3", reused.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", reused.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Assert.Equal(2, reused.Spec.Replicas);
        Assert.All(cluster.ActivePods("app=vweb"), p => Assert.Equal(firstRS.Metadata.Labels["pod-template-hash"], p.Metadata.Labels["pod-template-hash"]));
    }

    [Fact]
    public async Task Deployment_annotations_are_copied_to_the_new_replica_set_except_the_skipped_keys()
    {
        await using var cluster = new TestCluster();
        var manifest = Manifests.Deployment("vweb", replicas: 1);
        manifest.Metadata.Annotations = new Dictionary<string, string>
        {
            ["kubernetes.io/change-cause"] = "kubectl apply --filename=vweb.yaml --record=true",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
        };
        cluster.Registry.Create(manifest, "test");

        var d = await cluster.WaitForRolloutAsync("vweb");

        var rs = Assert.Single(cluster.ReplicaSetsOf(d));
        Assert.Equal("kubectl apply --filename=vweb.yaml --record=true", rs.Metadata.Annotations["kubernetes.io/change-cause"]);
        Assert.False(rs.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
    }

    [Fact]
    public async Task Old_replica_sets_beyond_the_revision_history_limit_are_deleted()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 1, revisionHistoryLimit: 1), "test");
        await cluster.WaitForRolloutAsync("vweb");

        foreach (var version in new[] { "v2", "v3", "v4" })
        {
            cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = $"kiamol/ch09-vweb:{version}");
            await cluster.WaitForRolloutAsync("vweb");
        }

        await cluster.WaitUntilAsync(() => cluster.ReplicaSetsOf(cluster.Deployment("vweb")).Count == 2, "only the current and one old ReplicaSet remain");
        var revisions = cluster.ReplicaSetsOf(cluster.Deployment("vweb"))
            .Select(rs => rs.Metadata.Annotations["deployment.kubernetes.io/revision"])
            .Order()
            .ToList();
        Assert.Equal(["3", "4"], revisions);
    }

    [Fact]
    public async Task A_revision_history_limit_of_zero_keeps_no_old_replica_set()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 1, revisionHistoryLimit: 0), "test");
        await cluster.WaitForRolloutAsync("vweb");

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        await cluster.WaitForRolloutAsync("vweb");

        await cluster.WaitUntilAsync(() => cluster.ReplicaSetsOf(cluster.Deployment("vweb")).Count == 1, "the old ReplicaSet is deleted");
    }
}
