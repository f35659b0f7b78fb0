namespace KubeRollout.Core.Manifests;

/// <summary>
/// The order in which objects are applied: what workloads depend on (namespaces, config, secrets, services)
/// first, then the workloads, so that a new pod never starts without its ConfigMap.
/// </summary>
public static class ManifestOrdering
{
    private static readonly string[] KindOrder =
    [
        "Namespace", "ResourceQuota", "LimitRange", "ServiceAccount", "Secret", "ConfigMap",
        "PersistentVolume", "PersistentVolumeClaim", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
        "Service",
    ];

    private static readonly string[] WorkloadOrder = ["DaemonSet", "Pod", "ReplicaSet", "StatefulSet", "Deployment", "Job", "CronJob"];

    /// <summary>Sorts by kind rank; objects of equal rank keep the order of their files and documents.</summary>
    public static IReadOnlyList<ManifestObject> Order(IEnumerable<ManifestObject> objects) =>
        objects.Select((o, index) => (Object: o, Index: index))
            .OrderBy(x => Rank(x.Object.Kind))
            .ThenBy(x => x.Index)
            .Select(x => x.Object)
            .ToList();

    private static int Rank(string kind)
    {
        var index = Array.IndexOf(KindOrder, kind);
        if (index >= 0)
        {
            return index;
        }

        var workload = Array.IndexOf(WorkloadOrder, kind);
        return workload >= 0 ? KindOrder.Length + 1 + workload : KindOrder.Length;
    }
}
