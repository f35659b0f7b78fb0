using k8s.Models;
using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>The Deployment's conditions, reasons and condition helpers (deploymentutil).</summary>
public static class DeploymentConditions
{
    public const string Progressing = "Progressing";
    public const string Available = "Available";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string ReplicaSetUpdatedReason = "ReplicaSetUpdated";
    public const string FailedRSCreateReason = "ReplicaSetCreateError";
    public const string NewReplicaSetReason = "NewReplicaSetCreated";
    public const string FoundNewRSReason = "FoundNewReplicaSet";
    public const string NewRSAvailableReason = "NewReplicaSetAvailable";
    public const string TimedOutReason = "ProgressDeadlineExceeded";
    public const string PausedDeployReason = "DeploymentPaused";
    public const string ResumedDeployReason = "DeploymentResumed";
    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";

    public static V1DeploymentCondition New(string type, string status, string reason, string message, DateTime now)
    {
        var time = SimulatedTime.Truncate(now);
        return new V1DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = time,
            LastTransitionTime = time,
        };
    }

    public static V1DeploymentCondition? Get(V1DeploymentStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>
    /// Sets a condition; one with the same status and reason is left as it is, and a status that does not change
    /// keeps its lastTransitionTime.
    /// </summary>
    public static void Set(V1DeploymentStatus status, V1DeploymentCondition condition)
    {
        var current = Get(status, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason)
        {
            return;
        }

        if (current is not null && current.Status == condition.Status)
        {
            condition.LastTransitionTime = current.LastTransitionTime;
        }

        var conditions = status.Conditions?.Where(c => c.Type != condition.Type).ToList() ?? [];
        conditions.Add(condition);
        status.Conditions = conditions;
    }

    public static void Remove(V1DeploymentStatus status, string type)
    {
        if (status.Conditions is null)
        {
            return;
        }

        var conditions = status.Conditions.Where(c => c.Type != type).ToList();
        status.Conditions = conditions.Count == 0 ? null : conditions;
    }

    public static V1DeploymentCondition FromReplicaSetCondition(V1ReplicaSetCondition condition) =>
        new()
        {
            Type = condition.Type,
            Status = condition.Status,
            Reason = condition.Reason,
            Message = condition.Message,
            LastTransitionTime = condition.LastTransitionTime,
            LastUpdateTime = condition.LastTransitionTime,
        };
}
