using k8s.Models;
using KubeRollout.Core.Rollouts.StatefulSets;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.DaemonSets;

/// <summary>
/// A DaemonSet's rollout status with kubectl's messages, checked in kubectl's order: not yet observed, pods not yet
/// updated, updated pods not yet available, success. For OnDelete, where kubectl only answers with an error, the
/// status tells how many pods still wait to be deleted (WaitingForDeletion).
/// </summary>
public static class DaemonSetStatusEvaluator
{
    public static RolloutStatus Evaluate(V1DaemonSet daemonSet, long? revision = null)
    {
        var name = daemonSet.Metadata.Name;
        var status = daemonSet.Status ?? new V1DaemonSetStatus();
        var desired = status.DesiredNumberScheduled;
        var updated = status.UpdatedNumberScheduled ?? 0;
        var available = status.NumberAvailable ?? 0;
        var generation = daemonSet.Metadata.Generation ?? 0;
        var observed = status.ObservedGeneration ?? 0;
        var onDelete = daemonSet.Spec.UpdateStrategy?.Type == "OnDelete";
        var old = Math.Max(0, status.CurrentNumberScheduled - updated);

        RolloutStatus Result(RolloutState state, string message) => new()
        {
            Kind = WorkloadKind.DaemonSet,
            Namespace = daemonSet.Metadata.NamespaceProperty,
            Name = name,
            State = state,
            Message = message,
            Replicas = desired,
            UpdatedReplicas = updated,
            ReadyReplicas = status.NumberReady,
            AvailableReplicas = available,
            OldReplicas = old,
            Revision = revision,
            Generation = generation,
            ObservedGeneration = observed,
        };

        if (generation > observed)
        {
            return Result(RolloutState.Pending, "Waiting for daemon set spec update to be observed...");
        }

        if (onDelete && updated < desired)
        {
            return Result(RolloutState.WaitingForDeletion, StatefulSetStatusEvaluator.OnDeleteMessage("daemon set", name, Math.Max(old, desired - updated), desired));
        }

        if (updated < desired)
        {
            return Result(RolloutState.Progressing, $"Waiting for daemon set \"{name}\" rollout to finish: {updated} out of {desired} new pods have been updated...");
        }

        if (available < desired)
        {
            return Result(RolloutState.Progressing, $"Waiting for daemon set \"{name}\" rollout to finish: {available} of {desired} updated pods are available...");
        }

        return Result(RolloutState.Complete, $"daemon set \"{name}\" successfully rolled out");
    }
}
