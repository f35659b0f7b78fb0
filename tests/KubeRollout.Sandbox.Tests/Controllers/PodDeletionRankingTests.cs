using k8s.Models;
using KubeRollout.Sandbox.Controllers.ReplicaSets;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class PodDeletionRankingTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Unassigned_pending_and_not_ready_pods_go_first()
    {
        var ready = Pod("ready", node: "n1", phase: "Running", readySince: Now.AddMinutes(-10));
        var notReady = Pod("not-ready", node: "n1", phase: "Running");
        var pending = Pod("pending", node: "n1", phase: "Pending");
        var unassigned = Pod("unassigned", node: null, phase: "Pending");
        List<V1Pod> pods = [ready, notReady, pending, unassigned];

        var order = PodDeletionRanking.PodsToDelete(pods, pods, 3, Now).Select(p => p.Metadata.Name);

        Assert.Equal(["unassigned", "pending", "not-ready"], order);
    }

    [Fact]
    public void Among_ready_pods_deletion_cost_then_colocation_then_recency_decide()
    {
        var cheap = Pod("cheap", node: "n1", phase: "Running", readySince: Now.AddHours(-5), cost: "-10");
        var crowded = Pod("crowded", node: "n2", phase: "Running", readySince: Now.AddHours(-5));
        var crowdedNeighbour = Pod("neighbour", node: "n2", phase: "Running", readySince: Now.AddHours(-5));
        var alone = Pod("alone", node: "n3", phase: "Running", readySince: Now.AddHours(-5));
        var fresh = Pod("fresh", node: "n4", phase: "Running", readySince: Now.AddSeconds(-5));
        List<V1Pod> pods = [alone, fresh, crowded, crowdedNeighbour, cheap];

        var first = PodDeletionRanking.PodsToDelete(pods, pods, 1, Now).Single();
        var firstTwo = PodDeletionRanking.PodsToDelete(pods.Where(p => p != cheap).ToList(), pods, 2, Now).Select(p => p.Metadata.Node()).ToHashSet();

        Assert.Equal("cheap", first.Metadata.Name);
        Assert.Equal(["n2"], firstTwo);
    }

    private static V1Pod Pod(string name, string? node, string phase, DateTime? readySince = null, string? cost = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Uid = name,
            CreationTimestamp = Now.AddHours(-6),
            Annotations = cost is null ? null : new Dictionary<string, string> { ["controller.kubernetes.io/pod-deletion-cost"] = cost },
            Labels = node is null ? null : new Dictionary<string, string> { ["node"] = node },
        },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = readySince is null ? null : [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = readySince }],
        },
    };
}

internal static class PodTestExtensions
{
    public static string? Node(this V1ObjectMeta meta) => meta.Labels?["node"];
}
