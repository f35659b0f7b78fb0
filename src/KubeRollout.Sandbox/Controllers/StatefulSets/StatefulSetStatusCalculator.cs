using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Controllers.StatefulSets;

/// <summary>
/// A StatefulSet's status from its pods (computeReplicaStatus and completeRollingUpdate): a RollingUpdate whose
/// replicas are all updated and ready makes the update revision current.
/// </summary>
public static class StatefulSetStatusCalculator
{
    public static V1StatefulSetStatus Calculate(
        V1StatefulSet set, IReadOnlyList<V1Pod> pods, string currentRevision, string updateRevision, int collisionCount, DateTime now)
    {
        var minReadySeconds = set.Spec.MinReadySeconds ?? 0;
        int replicas = 0, ready = 0, available = 0, current = 0, updated = 0;
        foreach (var pod in pods)
        {
            if (StatefulSetPods.IsCreated(pod))
            {
                replicas++;
            }

            if (StatefulSetPods.IsRunningAndReady(pod))
            {
                ready++;
                if (StatefulSetPods.IsRunningAndAvailable(pod, minReadySeconds, now))
                {
                    available++;
                }
            }

            if (StatefulSetPods.IsCreated(pod) && pod.Metadata.DeletionTimestamp is null)
            {
                var revision = StatefulSetPods.RevisionOf(pod);
                if (revision == currentRevision)
                {
                    current++;
                }

                if (revision == updateRevision)
                {
                    updated++;
                }
            }
        }

        var status = new V1StatefulSetStatus
        {
            ObservedGeneration = set.Metadata.Generation,
            Replicas = replicas,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            CurrentReplicas = current,
            UpdatedReplicas = updated,
            CurrentRevision = currentRevision,
            UpdateRevision = updateRevision,
            CollisionCount = collisionCount,
            Conditions = set.Status?.Conditions,
        };

        if (set.Spec.UpdateStrategy?.Type is null or "RollingUpdate" && updated == replicas && ready == replicas)
        {
            status.CurrentReplicas = updated;
            status.CurrentRevision = updateRevision;
        }

        return status;
    }

    /// <summary>When the next Ready pod passes minReadySeconds (null: none is waiting).</summary>
    public static DateTime? NextAvailableAt(V1StatefulSet set, IEnumerable<V1Pod> pods, DateTime now)
    {
        DateTime? earliest = null;
        foreach (var pod in pods)
        {
            if (PodConditions.AvailableAt(pod, set.Spec.MinReadySeconds ?? 0, now) is { } at && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }
}
