using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>rolling.go: scale the new ReplicaSet up within maxSurge, the old ones down within the availability budget.</summary>
public sealed partial class DeploymentController
{
    private void RolloutRolling(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: true);
        List<V1ReplicaSet?> allRSs = [.. oldRSs, newRS];

        if (ReconcileNewReplicaSet(allRSs, newRS!, d)
            || ReconcileOldReplicaSets(allRSs, ReplicaSetGroups.Active(oldRSs), newRS!, d))
        {
            SyncRolloutStatus(allRSs, newRS, d);
            return;
        }

        if (RolloutMath.IsComplete(d, d.Status))
        {
            CleanupDeployment(oldRSs, d);
        }

        SyncRolloutStatus(allRSs, newRS, d);
    }

    private bool ReconcileNewReplicaSet(List<V1ReplicaSet?> allRSs, V1ReplicaSet newRS, V1Deployment d)
    {
        var replicas = DeploymentSpecs.Replicas(d);
        var current = ReplicaSetGroups.SpecReplicas(newRS);
        if (current == replicas)
        {
            return false;
        }

        var target = current > replicas ? replicas : RolloutMath.NewReplicaSetReplicas(d, allRSs, newRS);
        return ScaleReplicaSetAndRecordEvent(newRS, target, d).Scaled;
    }

    /// <summary>
    /// Scales old ReplicaSets down by at most allPods − minAvailable − unavailable new pods: unhealthy replicas
    /// first (they cost no availability), then oldest ReplicaSets first while available pods exceed minAvailable.
    /// </summary>
    private bool ReconcileOldReplicaSets(List<V1ReplicaSet?> allRSs, List<V1ReplicaSet> oldRSs, V1ReplicaSet newRS, V1Deployment d)
    {
        if (ReplicaSetGroups.SumSpecReplicas(oldRSs) == 0)
        {
            return false;
        }

        var allPods = ReplicaSetGroups.SumSpecReplicas(allRSs);
        var minAvailable = DeploymentSpecs.Replicas(d) - DeploymentSpecs.MaxUnavailable(d);
        var newUnavailable = ReplicaSetGroups.SpecReplicas(newRS) - (newRS.Status?.AvailableReplicas ?? 0);
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var cleanedUp = CleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
        if (cleanedUp < 0)
        {
            return false;
        }

        var scaledDown = ScaleDownOldReplicaSetsForRollingUpdate([.. oldRSs, newRS], oldRSs, d);
        return cleanedUp + scaledDown > 0;
    }

    /// <summary>
    /// Scales old ReplicaSets down by their unavailable replicas (the ReplicaSet deletes not-ready pods first).
    /// Returns how many, or -1 when a stale status would make it scale up.
    /// </summary>
    private int CleanupUnhealthyReplicas(List<V1ReplicaSet> oldRSs, V1Deployment d, int maxCleanupCount)
    {
        oldRSs.Sort(ReplicaSetOrder.ByCreation);
        var total = 0;
        for (var i = 0; i < oldRSs.Count && total < maxCleanupCount; i++)
        {
            var rs = oldRSs[i];
            var replicas = ReplicaSetGroups.SpecReplicas(rs);
            var available = rs.Status?.AvailableReplicas ?? 0;
            if (replicas == 0 || replicas == available)
            {
                continue;
            }

            var count = Math.Min(maxCleanupCount - total, replicas - available);
            if (count < 0)
            {
                // The ReplicaSet's status still counts more available pods than its new size: a stale status.
                // The real controller refuses to "scale down" upwards and skips this round.
                return -1;
            }

            oldRSs[i] = ScaleReplicaSetAndRecordEvent(rs, replicas - count, d).ReplicaSet;
            total += count;
        }

        return total;
    }

    /// <summary>Scales old ReplicaSets down, oldest first, by the available pods above minAvailable.</summary>
    private int ScaleDownOldReplicaSetsForRollingUpdate(List<V1ReplicaSet?> allRSs, List<V1ReplicaSet> oldRSs, V1Deployment d)
    {
        var minAvailable = DeploymentSpecs.Replicas(d) - DeploymentSpecs.MaxUnavailable(d);
        var available = ReplicaSetGroups.SumAvailableReplicas(allRSs);
        if (available <= minAvailable)
        {
            return 0;
        }

        oldRSs.Sort(ReplicaSetOrder.ByCreation);
        var total = 0;
        var budget = available - minAvailable;
        foreach (var rs in oldRSs)
        {
            if (total >= budget)
            {
                break;
            }

            var replicas = ReplicaSetGroups.SpecReplicas(rs);
            if (replicas == 0)
            {
                continue;
            }

            var count = Math.Min(replicas, budget - total);
            ScaleReplicaSetAndRecordEvent(rs, replicas - count, d);
            total += count;
        }

        return total;
    }
}
