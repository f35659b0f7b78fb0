using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Simulation;

public sealed class NodeSimulatorTests
{
    [Fact]
    public async Task The_configured_nodes_register_with_the_labels_and_status_of_a_real_node()
    {
        await using var cluster = new TestCluster(nodes: 2);

        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Node>().Count(n => n.Status?.NodeInfo is not null) == 2, "two nodes report status");

        var nodes = cluster.Registry.List<V1Node>();
        Assert.Equal(["sandbox-node-1", "sandbox-node-2"], nodes.Select(n => n.Metadata.Name).Order());
        var node = nodes.Single(n => n.Metadata.Name == "sandbox-node-1");
        Assert.Equal("sandbox-node-1", node.Metadata.Labels["kubernetes.io/hostname"]);
        Assert.Equal("linux", node.Metadata.Labels["kubernetes.io/os"]);
        Assert.Equal("amd64", node.Metadata.Labels["kubernetes.io/arch"]);
        Assert.StartsWith("v1.35.", node.Status.NodeInfo.KubeletVersion);
        Assert.Equal("linux", node.Status.NodeInfo.OperatingSystem);
        var ready = node.Status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("True", "KubeletReady"), (ready.Status, ready.Reason));
        Assert.Contains(node.Status.Conditions, c => c is { Type: "MemoryPressure", Status: "False" });
        Assert.Equal("172.18.0.2", node.Status.Addresses.Single(a => a.Type == "InternalIP").Address);
        Assert.Equal("10.244.0.0/20", node.Spec.PodCIDR);
        Assert.Equal(8, node.Status.Capacity["cpu"].ToInt64());
        Assert.True(node.Status.Allocatable["pods"].ToInt64() >= 3400);
    }

    [Fact]
    public async Task A_node_created_through_the_api_gets_labels_a_pod_cidr_and_a_ready_status()
    {
        await using var cluster = new TestCluster(nodes: 1);
        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Node>().Any(n => n.Status?.NodeInfo is not null), "the first node is ready");

        cluster.Registry.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "extra", Labels = new Dictionary<string, string> { ["disktype"] = "ssd" } } }, "test");

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Node>(null, "extra")?.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true, "the new node is Ready");
        var node = cluster.Registry.Get<V1Node>(null, "extra")!;
        Assert.Equal("ssd", node.Metadata.Labels["disktype"]);
        Assert.Equal("extra", node.Metadata.Labels["kubernetes.io/hostname"]);
        Assert.Equal("10.244.16.0/20", node.Spec.PodCIDR);
    }
}
