using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Simulation;

public sealed class SchedulerTests
{
    [Fact]
    public async Task Pods_are_spread_over_the_nodes()
    {
        await using var cluster = new TestCluster();
        for (var i = 0; i < 6; i++)
        {
            cluster.Registry.Create(Manifests.Pod($"p{i}"), "test");
        }

        await cluster.WaitUntilAsync(() => cluster.Pods().All(p => !string.IsNullOrEmpty(p.Spec.NodeName)), "all pods are bound");

        Assert.All(cluster.Pods().GroupBy(p => p.Spec.NodeName), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public async Task A_pod_that_fits_no_node_stays_pending_with_the_schedulers_message_until_a_node_matches()
    {
        await using var cluster = new TestCluster();
        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Node>().Count(n => n.Status?.NodeInfo is not null) == 3, "the nodes are ready");
        var pod = Manifests.Pod("picky");
        pod.Spec.NodeSelector = new Dictionary<string, string> { ["disktype"] = "ssd" };
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Scheduled(cluster, "picky") is { Status: "False" }, "the pod is marked unschedulable");
        var condition = Scheduled(cluster, "picky")!;
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal(
            "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            condition.Message);
        Assert.Equal("Pending", cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "picky")!.Status.Phase);
        await cluster.WaitUntilAsync(() => cluster.EventsFor("picky").Any(e => e.Reason == "FailedScheduling" && e.Message == condition.Message), "FailedScheduling is recorded");

        cluster.Modify<V1Node>("sandbox-node-2", n => n.Metadata.Labels["disktype"] = "ssd", @namespace: null);

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "picky")?.Status?.Phase == "Running", "the pod runs");
        var running = cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "picky")!;
        Assert.Equal("sandbox-node-2", running.Spec.NodeName);
        Assert.Equal("True", Scheduled(cluster, "picky")!.Status);
    }

    [Fact]
    public async Task Cordoned_nodes_take_no_pods()
    {
        await using var cluster = new TestCluster(nodes: 2);
        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Node>().Count(n => n.Status?.NodeInfo is not null) == 2, "the nodes are ready");
        foreach (var node in new[] { "sandbox-node-1", "sandbox-node-2" })
        {
            cluster.Modify<V1Node>(node, n => n.Spec.Unschedulable = true, @namespace: null);
        }

        cluster.Registry.Create(Manifests.Pod("waiting"), "test");

        await cluster.WaitUntilAsync(() => Scheduled(cluster, "waiting") is { Status: "False" }, "the pod is marked unschedulable");
        Assert.Equal(
            "0/2 nodes are available: 2 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
            Scheduled(cluster, "waiting")!.Message);
    }

    [Fact]
    public async Task Required_node_affinity_on_the_node_name_pins_a_pod_to_that_node()
    {
        await using var cluster = new TestCluster();
        var pod = Manifests.Pod("pinned");
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                {
                    NodeSelectorTerms =
                    [
                        new V1NodeSelectorTerm { MatchFields = [new V1NodeSelectorRequirement { Key = "metadata.name", OperatorProperty = "In", Values = ["sandbox-node-3"] }] },
                    ],
                },
            },
        };
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => !string.IsNullOrEmpty(cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "pinned")?.Spec.NodeName), "the pod is bound");
        Assert.Equal("sandbox-node-3", cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "pinned")!.Spec.NodeName);
    }

    private static V1PodCondition? Scheduled(TestCluster cluster, string pod) =>
        cluster.Registry.Get<V1Pod>(TestCluster.Namespace, pod)?.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
}
