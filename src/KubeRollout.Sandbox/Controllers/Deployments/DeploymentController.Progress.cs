using k8s.Models;
using KubeRollout.Sandbox.Controllers.ReplicaSets;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Queues;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>progress.go: the Progressing condition, the progress deadline and its requeue.</summary>
public sealed partial class DeploymentController
{
    private void SyncRolloutStatus(List<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d)
    {
        var newStatus = CalculateStatus(allRSs, newRS, d);
        var hasDeadline = DeploymentSpecs.HasProgressDeadline(d);
        if (!hasDeadline)
        {
            DeploymentConditions.Remove(newStatus, DeploymentConditions.Progressing);
        }

        var current = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        var isCompleteDeployment = newStatus.Replicas == newStatus.UpdatedReplicas && current?.Reason == DeploymentConditions.NewRSAvailableReason;
        if (hasDeadline && !isCompleteDeployment)
        {
            UpdateProgressingCondition(d, newRS, newStatus, current);
        }

        if (ReplicaFailure(allRSs, newRS) is { } failure)
        {
            DeploymentConditions.Set(newStatus, failure);
        }
        else
        {
            DeploymentConditions.Remove(newStatus, DeploymentConditions.ReplicaFailure);
        }

        if (ModelEquality.SameJson(d.Status, newStatus))
        {
            RequeueStuckDeployment(d, newStatus);
            return;
        }

        d.Status = newStatus;
        WriteStatus(d);
    }

    private void UpdateProgressingCondition(V1Deployment d, V1ReplicaSet? newRS, V1DeploymentStatus newStatus, V1DeploymentCondition? current)
    {
        var subject = newRS is null ? $"Deployment \"{d.Metadata.Name}\"" : $"ReplicaSet \"{newRS.Metadata.Name}\"";
        if (RolloutMath.IsComplete(d, newStatus))
        {
            DeploymentConditions.Set(newStatus, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.NewRSAvailableReason, $"{subject} has successfully progressed.", Now));
        }
        else if (RolloutMath.IsProgressing(d, newStatus))
        {
            // Progress refreshes lastUpdateTime even when the reason stays the same, which Set would skip.
            var condition = DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdatedReason, $"{subject} is progressing.", Now);
            if (current is not null)
            {
                if (current.Status == "True")
                {
                    condition.LastTransitionTime = current.LastTransitionTime;
                }

                DeploymentConditions.Remove(newStatus, DeploymentConditions.Progressing);
            }

            DeploymentConditions.Set(newStatus, condition);
        }
        else if (RolloutMath.HasTimedOut(d, newStatus, Now))
        {
            DeploymentConditions.Set(newStatus, DeploymentConditions.New(
                DeploymentConditions.Progressing, "False", DeploymentConditions.TimedOutReason, $"{subject} has timed out progressing.", Now));
        }
    }

    /// <summary>
    /// Without progress the Deployment would not be synced again; it is requeued for when its deadline passes
    /// (lastUpdateTime + progressDeadlineSeconds, plus a second), on the simulated clock.
    /// </summary>
    private void RequeueStuckDeployment(V1Deployment d, V1DeploymentStatus newStatus)
    {
        var current = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        if (!DeploymentSpecs.HasProgressDeadline(d) || current is null)
        {
            return;
        }

        if (RolloutMath.IsComplete(d, newStatus) || current.Reason == DeploymentConditions.TimedOutReason || current.LastUpdateTime is not { } lastUpdate)
        {
            return;
        }

        var after = lastUpdate.AddSeconds(DeploymentSpecs.ProgressDeadlineSeconds(d)) - Now;
        var key = ObjectKey.Of(d);
        if (after < TimeSpan.FromSeconds(1))
        {
            Queue.AddRateLimited(key);
            return;
        }

        Queue.AddAfter(key, after + TimeSpan.FromSeconds(1));
    }

    /// <summary>A ReplicaFailure condition of the new ReplicaSet, else of an old one, as a Deployment condition.</summary>
    private static V1DeploymentCondition? ReplicaFailure(List<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS)
    {
        V1ReplicaSetCondition? Failure(V1ReplicaSet? rs) =>
            rs?.Status?.Conditions?.FirstOrDefault(c => c.Type == ReplicaSetStatusCalculator.ReplicaFailure);

        if (Failure(newRS) is { } fromNew)
        {
            return DeploymentConditions.FromReplicaSetCondition(fromNew);
        }

        foreach (var rs in allRSs)
        {
            if (rs != newRS && Failure(rs) is { } fromOld)
            {
                return DeploymentConditions.FromReplicaSetCondition(fromOld);
            }
        }

        return null;
    }
}
