using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>recreate.go: all old pods go before the new ReplicaSet is created and scaled up.</summary>
public sealed partial class DeploymentController
{
    private void RolloutRecreate(V1Deployment d, List<V1ReplicaSet> rsList, Dictionary<string, List<V1Pod>> podsByReplicaSet)
    {
        // The new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
        var (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: false);
        List<V1ReplicaSet?> allRSs = [.. oldRSs, newRS];

        var scaledDown = false;
        foreach (var rs in ReplicaSetGroups.Active(oldRSs))
        {
            scaledDown |= ScaleReplicaSetAndRecordEvent(rs, 0, d).Scaled;
        }

        if (scaledDown || OldPodsRunning(newRS, oldRSs, podsByReplicaSet))
        {
            SyncRolloutStatus(allRSs, newRS, d);
            return;
        }

        if (newRS is null)
        {
            (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: true);
            allRSs = [.. oldRSs, newRS];
        }

        ScaleReplicaSetAndRecordEvent(newRS!, DeploymentSpecs.Replicas(d), d);
        if (RolloutMath.IsComplete(d, d.Status))
        {
            CleanupDeployment(oldRSs, d);
        }

        SyncRolloutStatus(allRSs, newRS, d);
    }

    /// <summary>Old ReplicaSets still report replicas, or an old pod (terminating ones included) is not Succeeded/Failed.</summary>
    private static bool OldPodsRunning(V1ReplicaSet? newRS, List<V1ReplicaSet> oldRSs, Dictionary<string, List<V1Pod>> podsByReplicaSet)
    {
        if (ReplicaSetGroups.SumStatusReplicas(oldRSs) > 0)
        {
            return true;
        }

        foreach (var (uid, pods) in podsByReplicaSet)
        {
            if (newRS is not null && newRS.Metadata.Uid == uid)
            {
                continue;
            }

            if (pods.Any(p => !PodConditions.IsTerminal(p)))
            {
                return true;
            }
        }

        return false;
    }
}
