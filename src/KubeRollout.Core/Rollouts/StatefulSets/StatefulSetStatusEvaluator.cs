using k8s.Models;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.StatefulSets;

/// <summary>
/// A StatefulSet's rollout status with kubectl's messages, checked in kubectl's order: not yet observed, pods not
/// ready, then the partitioned or the plain rolling-update message with the revisions. For OnDelete, where kubectl
/// only answers with an error, the status tells how many pods still wait to be deleted (WaitingForDeletion).
/// </summary>
public static class StatefulSetStatusEvaluator
{
    public static RolloutStatus Evaluate(V1StatefulSet statefulSet, long? revision = null)
    {
        var name = statefulSet.Metadata.Name;
        var status = statefulSet.Status ?? new V1StatefulSetStatus();
        var replicas = statefulSet.Spec.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var ready = status.ReadyReplicas ?? 0;
        var generation = statefulSet.Metadata.Generation ?? 0;
        var observed = status.ObservedGeneration ?? 0;
        var strategy = statefulSet.Spec.UpdateStrategy;
        var onDelete = strategy?.Type == "OnDelete";
        var old = status.UpdateRevision is not null && status.UpdateRevision == status.CurrentRevision
            ? 0
            : Math.Max(0, status.Replicas - updated);

        RolloutStatus Result(RolloutState state, string message) => new()
        {
            Kind = WorkloadKind.StatefulSet,
            Namespace = statefulSet.Metadata.NamespaceProperty,
            Name = name,
            State = state,
            Message = message,
            Replicas = replicas,
            UpdatedReplicas = updated,
            ReadyReplicas = ready,
            AvailableReplicas = status.AvailableReplicas ?? 0,
            OldReplicas = old,
            Revision = revision,
            UpdateRevision = status.UpdateRevision,
            Generation = generation,
            ObservedGeneration = observed,
        };

        if (observed == 0 || generation > observed)
        {
            return Result(RolloutState.Pending, "Waiting for statefulset spec update to be observed...");
        }

        if (onDelete && old > 0)
        {
            return Result(RolloutState.WaitingForDeletion, OnDeleteMessage("statefulset", name, old, status.Replicas));
        }

        if (ready < replicas)
        {
            return Result(RolloutState.Progressing, $"Waiting for {replicas - ready} pods to be ready...");
        }

        if (onDelete)
        {
            return Result(RolloutState.Complete, $"statefulset \"{name}\" update complete: {updated} pods at revision {status.UpdateRevision} (OnDelete)");
        }

        if (strategy?.RollingUpdate is { } rollingUpdate)
        {
            if (rollingUpdate.Partition is { } partition && updated < replicas - partition)
            {
                return Result(RolloutState.Progressing, $"Waiting for partitioned roll out to finish: {updated} out of {replicas - partition} new pods have been updated...");
            }

            return Result(RolloutState.Complete, $"partitioned roll out complete: {updated} new pods have been updated...");
        }

        if (status.UpdateRevision != status.CurrentRevision)
        {
            return Result(RolloutState.Progressing, $"waiting for statefulset rolling update to complete {updated} pods at revision {status.UpdateRevision}...");
        }

        return Result(RolloutState.Complete, $"statefulset rolling update complete {status.CurrentReplicas ?? 0} pods at revision {status.CurrentRevision}...");
    }

    /// <summary>kubectl's error for OnDelete, which Get-KubeRolloutStatus replaces by a WaitingForDeletion status.</summary>
    public const string KubectlOnDeleteError = "rollout status is only available for RollingUpdate strategy type";

    internal static string OnDeleteMessage(string kind, string name, int old, int total) =>
        $"{kind} \"{name}\" uses the OnDelete update strategy: {old} of {total} pods are still on the old revision and update only when deleted (Update-KubeRolloutPod replaces them)";
}
