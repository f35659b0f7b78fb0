using k8s.Models;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Deployments;

/// <summary>
/// A Deployment's rollout status with kubectl's messages, checked in kubectl's order: not yet observed, progress
/// deadline exceeded, replicas not yet updated, old replicas still terminating, updated replicas not yet available.
/// </summary>
public static class DeploymentStatusEvaluator
{
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";

    public static RolloutStatus Evaluate(V1Deployment deployment, long? currentRevision = null)
    {
        var name = deployment.Metadata.Name;
        var status = deployment.Status ?? new V1DeploymentStatus();
        var desired = deployment.Spec.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var replicas = status.Replicas ?? 0;
        var available = status.AvailableReplicas ?? 0;
        var generation = deployment.Metadata.Generation ?? 0;
        var observed = status.ObservedGeneration ?? 0;

        RolloutStatus Result(RolloutState state, string message, string? reason = null) => new()
        {
            Kind = WorkloadKind.Deployment,
            Namespace = deployment.Metadata.NamespaceProperty,
            Name = name,
            State = state,
            Message = message,
            Reason = reason,
            Replicas = desired,
            UpdatedReplicas = updated,
            ReadyReplicas = status.ReadyReplicas ?? 0,
            AvailableReplicas = available,
            OldReplicas = Math.Max(0, replicas - updated),
            Revision = currentRevision,
            Generation = generation,
            ObservedGeneration = observed,
        };

        var paused = deployment.Spec.Paused == true;
        RolloutState Waiting() => paused ? RolloutState.Paused : RolloutState.Progressing;

        if (generation > observed)
        {
            return Result(paused ? RolloutState.Paused : RolloutState.Pending, "Waiting for deployment spec update to be observed...");
        }

        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == ProgressDeadlineExceeded)
        {
            return Result(RolloutState.Failed, $"deployment \"{name}\" exceeded its progress deadline", ProgressDeadlineExceeded);
        }

        if (updated < desired)
        {
            return Result(Waiting(), $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {desired} new replicas have been updated...");
        }

        if (replicas > updated)
        {
            return Result(Waiting(), $"Waiting for deployment \"{name}\" rollout to finish: {replicas - updated} old replicas are pending termination...");
        }

        if (available < updated)
        {
            return Result(Waiting(), $"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...");
        }

        return Result(RolloutState.Complete, $"deployment \"{name}\" successfully rolled out");
    }

    public static RolloutStatus Deleted(string @namespace, string name) => new()
    {
        Kind = WorkloadKind.Deployment,
        Namespace = @namespace,
        Name = name,
        State = RolloutState.Deleted,
        Message = "object has been deleted",
    };
}
