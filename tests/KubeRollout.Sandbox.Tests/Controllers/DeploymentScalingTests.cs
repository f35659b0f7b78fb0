using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class DeploymentScalingTests
{
    [Fact]
    public async Task A_paused_deployment_only_scales_and_rolls_out_when_resumed()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 2), "test");
        var v1 = await cluster.WaitForRolloutAsync("vweb");
        var currentRS = Assert.Single(cluster.ReplicaSetsOf(v1)).Metadata.Name;

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Paused = true);
        var changed = cluster.Modify<V1Deployment>("vweb", d =>
        {
            d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2";
            d.Spec.Replicas = 4;
        });
        await cluster.WaitUntilAsync(
            () => cluster.Deployment("vweb").Status is { ObservedGeneration: var observed, Replicas: 4, AvailableReplicas: 4 } && observed == changed.Metadata.Generation,
            "the paused deployment observed the change and scaled");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(10));

        var paused = cluster.Deployment("vweb");
        var rs = Assert.Single(cluster.ReplicaSetsOf(paused));
        Assert.Equal(currentRS, rs.Metadata.Name);
        Assert.Equal(4, rs.Spec.Replicas);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.All(cluster.ActivePods("app=vweb"), p => Assert.Equal("kiamol/ch09-vweb:v1", p.Spec.Containers[0].Image));
        var progressing = paused.Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal(("Unknown", "DeploymentPaused", "Deployment is paused"), (progressing.Status, progressing.Reason, progressing.Message));
        Assert.Equal(0, paused.Status.UpdatedReplicas ?? 0);

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Paused = false);
        await cluster.WaitUntilAsync(() => cluster.ReplicaSetsOf(cluster.Deployment("vweb")).Count == 2, "the resumed deployment creates a new ReplicaSet");
        var resumed = await cluster.WaitForRolloutAsync("vweb");

        Assert.Equal("2", resumed.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.All(cluster.ActivePods("app=vweb"), p => Assert.Equal("kiamol/ch09-vweb:v2", p.Spec.Containers[0].Image));
        Assert.Equal("NewReplicaSetAvailable", resumed.Status.Conditions.Single(c => c.Type == "Progressing").Reason);
    }

    [Fact]
    public async Task Scaling_during_a_stuck_rollout_is_proportional_across_replica_sets()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 10, maxSurge: "3", maxUnavailable: "2"), "test");
        var v1 = await cluster.WaitForRolloutAsync("vweb");
        var oldRS = Assert.Single(cluster.ReplicaSetsOf(v1)).Metadata.Name;

        cluster.Modify<V1Deployment>("vweb", d =>
        {
            d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2";
            d.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "never-ready" };
        });
        await cluster.WaitUntilAsync(() => Sizes(cluster, oldRS) == (8, 5), "the rollout is stuck at 8 old and 5 new replicas");

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Replicas = 15);

        await cluster.WaitUntilAsync(() => Sizes(cluster, oldRS) == (11, 7), "3 replicas are added to the old and 2 to the new ReplicaSet");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(5));
        Assert.Equal((11, 7), Sizes(cluster, oldRS));
        Assert.All(cluster.ReplicaSetsOf(cluster.Deployment("vweb")), rs => Assert.Equal("18", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]));
    }

    [Fact]
    public async Task Scaling_a_rolled_out_deployment_scales_its_only_replica_set()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 2), "test");
        await cluster.WaitForRolloutAsync("vweb");

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Replicas = 5);
        var scaledUp = await cluster.WaitForRolloutAsync("vweb");
        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Replicas = 1);
        await cluster.WaitUntilAsync(() => cluster.ActivePods("app=vweb").Count == 1 && TestCluster.IsRolledOut(cluster.Deployment("vweb")), "scaled down to one pod");

        var rs = Assert.Single(cluster.ReplicaSetsOf(scaledUp));
        await cluster.WaitUntilAsync(
            () => cluster.EventsFor("vweb").Select(e => e.Message).ToHashSet().IsSupersetOf(
            [
                $"Scaled up replica set {rs.Metadata.Name} from 0 to 2",
                $"Scaled up replica set {rs.Metadata.Name} from 2 to 5",
                $"Scaled down replica set {rs.Metadata.Name} from 5 to 1",
            ]),
            "the scaling events are recorded");
    }

    private static (int Old, int New) Sizes(TestCluster cluster, string oldRS)
    {
        var replicaSets = cluster.ReplicaSetsOf(cluster.Deployment("vweb"));
        return (
            replicaSets.Where(rs => rs.Metadata.Name == oldRS).Sum(rs => rs.Spec.Replicas ?? 0),
            replicaSets.Where(rs => rs.Metadata.Name != oldRS).Sum(rs => rs.Spec.Replicas ?? 0));
    }
}
