using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

/// <summary>StatefulSet lookups and waits on a <see cref="TestCluster"/>.</summary>
public static class StatefulSetTestCluster
{
    public static V1StatefulSet StatefulSet(this TestCluster cluster, string name) =>
        cluster.Registry.Get<V1StatefulSet>(TestCluster.Namespace, name) ?? throw new InvalidOperationException($"statefulset {name} not found");

    public static IReadOnlyList<V1ControllerRevision> RevisionsOf(this TestCluster cluster, string ownerName) =>
        cluster.Registry.List<V1ControllerRevision>(TestCluster.Namespace)
            .Where(r => r.Metadata.OwnerReferences?.Any(o => o.Name == ownerName && o.Controller == true) == true)
            .OrderBy(r => r.Revision)
            .ToList();

    public static string? RevisionLabel(V1Pod pod) => pod.Metadata.Labels?.TryGetValue("controller-revision-hash", out var value) == true ? value : null;

    /// <summary>kubectl rollout status's success criteria for a RollingUpdate StatefulSet with a partition.</summary>
    public static Task WaitForPartitionedRolloutAsync(this TestCluster cluster, string name, TimeSpan? timeout = null) =>
        cluster.WaitUntilAsync(
            () =>
            {
                var set = cluster.StatefulSet(name);
                var replicas = set.Spec.Replicas ?? 1;
                var partition = set.Spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
                return set.Status is { } status
                    && (status.ObservedGeneration ?? 0) >= (set.Metadata.Generation ?? 0)
                    && (status.ReadyReplicas ?? 0) >= replicas
                    && status.Replicas == replicas
                    && (status.UpdatedReplicas ?? 0) >= replicas - partition;
            },
            $"statefulset {name} is rolled out",
            timeout);
}
