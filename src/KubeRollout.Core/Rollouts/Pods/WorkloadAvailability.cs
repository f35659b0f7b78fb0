using k8s.Models;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>
/// How many pods of a StatefulSet or DaemonSet its controller counts as available (Ready for minReadySeconds, by
/// the controller's clock), of how many it wants, and how many run the update revision: what decides whether a
/// replaced pod is back in service. A client cannot tell that from the pod alone, since minReadySeconds is measured
/// against the cluster's clock.
/// </summary>
public sealed record WorkloadAvailability(bool Observed, int Desired, int Available, int Updated, int MinReadySeconds)
{
    public int Unavailable => Math.Max(0, Desired - Available);

    public static WorkloadAvailability Of(V1StatefulSet statefulSet) => new(
        (statefulSet.Status?.ObservedGeneration ?? 0) >= (statefulSet.Metadata.Generation ?? 0),
        statefulSet.Spec.Replicas ?? 1,
        statefulSet.Status?.AvailableReplicas ?? 0,
        statefulSet.Status?.UpdatedReplicas ?? 0,
        statefulSet.Spec.MinReadySeconds ?? 0);

    public static WorkloadAvailability Of(V1DaemonSet daemonSet) => new(
        (daemonSet.Status?.ObservedGeneration ?? 0) >= (daemonSet.Metadata.Generation ?? 0),
        daemonSet.Status?.DesiredNumberScheduled ?? 0,
        daemonSet.Status?.NumberAvailable ?? 0,
        daemonSet.Status?.UpdatedNumberScheduled ?? 0,
        daemonSet.Spec.MinReadySeconds ?? 0);

    /// <summary>
    /// True when deleting the target takes no second pod out of service: every pod is available, or only one is
    /// not and that one is the target itself (not Ready: a crashing old pod may be replaced).
    /// </summary>
    public bool OthersAvailable(bool targetReady) => Observed && Unavailable <= (targetReady ? 0 : 1);

    /// <summary>
    /// True once the replacement counts: the controller has counted one more pod at the update revision than before
    /// the deletion, and every pod as available again.
    /// </summary>
    public bool ReplacementAvailable(int updatedBefore) => Observed && Updated > updatedBefore && Unavailable == 0;

    public override string ToString() =>
        $"{Available} of {Desired} pods available{(MinReadySeconds > 0 ? $" (Ready for minReadySeconds {MinReadySeconds})" : string.Empty)}";
}
