using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.StatefulSets;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.DaemonSets;

public sealed class DaemonSetTests
{
    private const string NewImage = "nginx:1.18-alpine";

    [Fact]
    public async Task One_pod_runs_on_every_node_pinned_by_node_affinity()
    {
        await using var cluster = new TestCluster(nodes: 3);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy"), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 3);

        var pods = cluster.ActivePods("app=proxy");
        Assert.Equal(["sandbox-node-1", "sandbox-node-2", "sandbox-node-3"], pods.Select(p => p.Spec.NodeName).Order());
        Assert.All(pods, p =>
        {
            var term = Assert.Single(p.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms);
            Assert.Equal(p.Spec.NodeName, Assert.Single(Assert.Single(term.MatchFields).Values));
            Assert.Contains(p.Spec.Tolerations, t => t.Key == "node.kubernetes.io/not-ready" && t.Effect == "NoExecute");
        });
        var revision = Assert.Single(cluster.RevisionsOf("proxy"));
        Assert.All(pods, p => Assert.Equal(revision.Metadata.Labels["controller-revision-hash"], StatefulSetTestCluster.RevisionLabel(p)));
        var status = DaemonSet(cluster, "proxy").Status;
        Assert.Equal((3, 3, 3, 3, 3, 0), (status.DesiredNumberScheduled, status.CurrentNumberScheduled, status.NumberReady, status.NumberAvailable, status.UpdatedNumberScheduled, status.NumberMisscheduled));
    }

    [Fact]
    public async Task A_node_selector_picks_the_nodes_and_follows_relabelling_and_new_nodes()
    {
        await using var cluster = new TestCluster(nodes: 3);
        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Node>().Count == 3, "the nodes are registered");
        cluster.Modify<V1Node>("sandbox-node-2", n => n.Metadata.Labels["proxy"] = "yes", @namespace: null);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy", nodeSelector: new Dictionary<string, string> { ["proxy"] = "yes" }), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 1);
        Assert.Equal("sandbox-node-2", Assert.Single(cluster.ActivePods("app=proxy")).Spec.NodeName);

        cluster.Modify<V1Node>("sandbox-node-3", n => n.Metadata.Labels["proxy"] = "yes", @namespace: null);
        cluster.Registry.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "extra-node", Labels = new Dictionary<string, string> { ["proxy"] = "yes" } } }, "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 3);
        Assert.Equal(["extra-node", "sandbox-node-2", "sandbox-node-3"], cluster.ActivePods("app=proxy").Select(p => p.Spec.NodeName).Order());

        cluster.Modify<V1Node>("sandbox-node-2", n => n.Metadata.Labels.Remove("proxy"), @namespace: null);
        await WaitForRolloutAsync(cluster, "proxy", desired: 2);
        await cluster.WaitUntilAsync(() => cluster.ActivePods("app=proxy").Count == 2, "the pod on the relabelled node is gone");
        Assert.Equal(["extra-node", "sandbox-node-3"], cluster.ActivePods("app=proxy").Select(p => p.Spec.NodeName).Order());
    }

    [Fact]
    public async Task MaxUnavailable_1_never_leaves_more_than_one_node_without_a_ready_pod()
    {
        await using var cluster = new TestCluster(nodes: 4);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy", maxUnavailable: "1"), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 4);
        var worst = 0;
        using var observer = new PodObserver(cluster.Registry, "proxy", (o, _) =>
        {
            var nodesWithReadyPod = o.ReadyPods.Select(p => p.Spec.NodeName).Distinct().Count();
            worst = Math.Max(worst, 4 - nodesWithReadyPod);
        });

        cluster.Modify<V1DaemonSet>("proxy", d => d.Spec.Template.Spec.Containers[0].Image = NewImage);
        await WaitForRolloutAsync(cluster, "proxy", desired: 4, generation: 2);

        Assert.Equal(1, worst);
        Assert.All(cluster.ActivePods("app=proxy"), p => Assert.Equal(NewImage, p.Spec.Containers[0].Image));
        Assert.Equal(4, cluster.ActivePods("app=proxy").Select(p => p.Spec.NodeName).Distinct().Count());
    }

    [Fact]
    public async Task MaxSurge_1_starts_the_new_pod_beside_the_old_one_and_never_leaves_a_node_without_an_available_pod()
    {
        await using var cluster = new TestCluster(nodes: 3);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy", maxUnavailable: "0", maxSurge: "1"), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 3);
        var violations = new List<string>();
        var mostOnOneNode = 0;
        using var observer = new PodObserver(cluster.Registry, "proxy", (o, _) =>
        {
            var nodesWithReadyPod = o.ReadyPods.Select(p => p.Spec.NodeName).Distinct().Count();
            if (nodesWithReadyPod < 3)
            {
                violations.Add($"only {nodesWithReadyPod} nodes with a ready pod");
            }

            mostOnOneNode = Math.Max(mostOnOneNode, o.ActivePods.GroupBy(p => p.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms[0].MatchFields[0].Values[0]).Max(g => g.Count()));
        });

        cluster.Modify<V1DaemonSet>("proxy", d => d.Spec.Template.Spec.Containers[0].Image = NewImage);
        await WaitForRolloutAsync(cluster, "proxy", desired: 3, generation: 2);
        await cluster.WaitUntilAsync(() => cluster.ActivePods("app=proxy").Count == 3, "the old pods are gone");

        Assert.Empty(violations);
        Assert.Equal(2, mostOnOneNode);
        Assert.All(cluster.ActivePods("app=proxy"), p => Assert.Equal(NewImage, p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task OnDelete_replaces_only_deleted_pods_and_history_is_limited()
    {
        await using var cluster = new TestCluster(nodes: 2);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy", strategy: "OnDelete", revisionHistoryLimit: 1), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 2);

        foreach (var (image, generation) in new[] { ("nginx:1.18-alpine", 2), ("nginx:1.19-alpine", 3), (NewImage, 4) })
        {
            cluster.Modify<V1DaemonSet>("proxy", d => d.Spec.Template.Spec.Containers[0].Image = image);
            await cluster.WaitUntilAsync(() => DaemonSet(cluster, "proxy").Status.ObservedGeneration == generation, $"generation {generation} is observed");
        }

        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(30));
        Assert.All(cluster.ActivePods("app=proxy"), p => Assert.Equal("nginx:1.17-alpine", p.Spec.Containers[0].Image));
        Assert.Equal(0, DaemonSet(cluster, "proxy").Status.UpdatedNumberScheduled);
        // Revision 1 is live (the pods use it), 4 is current, 3 is the one old revision kept; 2 is gone.
        await cluster.WaitUntilAsync(() => cluster.RevisionsOf("proxy").Count == 3, "history is trimmed");
        Assert.Equal([1L, 3L, 4L], cluster.RevisionsOf("proxy").Select(r => r.Revision!.Value));

        var victim = cluster.ActivePods("app=proxy").First(p => p.Spec.NodeName == "sandbox-node-1");
        cluster.Registry.Delete<V1Pod>(TestCluster.Namespace, victim.Metadata.Name);
        await cluster.WaitUntilAsync(() => DaemonSet(cluster, "proxy").Status is { UpdatedNumberScheduled: 1, NumberAvailable: 2 }, "the deleted pod is back updated");

        var images = cluster.ActivePods("app=proxy").ToDictionary(p => p.Spec.NodeName, p => p.Spec.Containers[0].Image);
        Assert.Equal(NewImage, images["sandbox-node-1"]);
        Assert.Equal("nginx:1.17-alpine", images["sandbox-node-2"]);
    }

    [Fact]
    public async Task Going_back_to_the_first_template_renumbers_its_revision()
    {
        await using var cluster = new TestCluster(nodes: 2);
        cluster.Registry.Create(DaemonSetManifests.DaemonSet("proxy"), "test");
        await WaitForRolloutAsync(cluster, "proxy", desired: 2);
        var first = Assert.Single(cluster.RevisionsOf("proxy"));

        cluster.Modify<V1DaemonSet>("proxy", d => d.Spec.Template.Spec.Containers[0].Image = NewImage);
        await WaitForRolloutAsync(cluster, "proxy", desired: 2, generation: 2);
        cluster.Modify<V1DaemonSet>("proxy", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.17-alpine");
        await WaitForRolloutAsync(cluster, "proxy", desired: 2, generation: 3);

        var revisions = cluster.RevisionsOf("proxy");
        Assert.Equal([2L, 3L], revisions.Select(r => r.Revision!.Value));
        Assert.Equal(first.Metadata.Uid, revisions[1].Metadata.Uid);
        Assert.All(cluster.ActivePods("app=proxy"), p => Assert.Equal(first.Metadata.Labels["controller-revision-hash"], StatefulSetTestCluster.RevisionLabel(p)));
    }

    private static V1DaemonSet DaemonSet(TestCluster cluster, string name) =>
        cluster.Registry.Get<V1DaemonSet>(TestCluster.Namespace, name) ?? throw new InvalidOperationException($"daemonset {name} not found");

    /// <summary>kubectl rollout status's success criteria, plus the expected number of nodes.</summary>
    private static Task WaitForRolloutAsync(TestCluster cluster, string name, int desired, long generation = 1) =>
        cluster.WaitUntilAsync(
            () => DaemonSet(cluster, name).Status is { } s
                && s.ObservedGeneration >= generation
                && s.DesiredNumberScheduled == desired
                && s.UpdatedNumberScheduled == desired
                && s.NumberAvailable == desired
                && s.NumberMisscheduled == 0,
            $"daemonset {name} is rolled out on {desired} nodes");
}
