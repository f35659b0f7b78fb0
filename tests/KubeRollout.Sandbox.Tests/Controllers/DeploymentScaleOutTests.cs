using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class DeploymentScaleOutTests
{
    /// <summary>Guards against per-event scans and quadratic syncs: a few hundred replicas roll out in seconds.</summary>
    [Fact]
    public async Task A_deployment_with_hundreds_of_replicas_rolls_out_and_over_within_seconds()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("big", replicas: 300), "test");
        await cluster.WaitForRolloutAsync("big", TimeSpan.FromSeconds(60));

        cluster.Modify<V1Deployment>("big", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        var d = await cluster.WaitForRolloutAsync("big", TimeSpan.FromSeconds(60));

        Assert.Equal("2", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var pods = cluster.ActivePods("app=big");
        Assert.Equal(300, pods.Count);
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.Equal(pods.Count, pods.Select(p => p.Status.PodIP).Distinct().Count());
    }
}
