using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class DeploymentRolloutTests
{
    [Fact]
    public async Task A_new_deployment_rolls_out_with_revision_1_and_the_real_conditions()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3), "test");

        var d = await cluster.WaitForRolloutAsync("vweb");

        var rs = Assert.Single(cluster.ReplicaSetsOf(d));
        var hash = rs.Metadata.Labels["pod-template-hash"];
        Assert.Equal($"vweb-{hash}", rs.Metadata.Name);
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Template.Metadata.Labels["pod-template-hash"]);
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]);
        Assert.Equal("1", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        var pods = cluster.Pods("app=vweb");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p =>
        {
            Assert.StartsWith(rs.Metadata.Name + "-", p.Metadata.Name);
            Assert.Equal(rs.Metadata.Uid, Assert.Single(p.Metadata.OwnerReferences).Uid);
            Assert.Equal(hash, p.Metadata.Labels["pod-template-hash"]);
            Assert.Equal("Running", p.Status.Phase);
        });

        Assert.Equal(3, d.Status.ReadyReplicas);
        Assert.Equal(d.Metadata.Generation, d.Status.ObservedGeneration);
        var available = d.Status.Conditions.Single(c => c.Type == "Available");
        Assert.Equal(("True", "MinimumReplicasAvailable", "Deployment has minimum availability."), (available.Status, available.Reason, available.Message));
        var progressing = d.Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal(("True", "NewReplicaSetAvailable", $"ReplicaSet \"{rs.Metadata.Name}\" has successfully progressed."), (progressing.Status, progressing.Reason, progressing.Message));

        await cluster.WaitUntilAsync(
            () => cluster.EventsFor("vweb").Any(e => e.Reason == "ScalingReplicaSet" && e.Message == $"Scaled up replica set {rs.Metadata.Name} from 0 to 3"),
            "the ScalingReplicaSet event is recorded");
    }
}
