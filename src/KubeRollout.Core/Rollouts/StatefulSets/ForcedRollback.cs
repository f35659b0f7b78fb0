using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Rollouts.Pods;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.StatefulSets;

/// <summary>
/// Kubernetes' "forced rollback": a StatefulSet with OrderedReady pod management stops at a pod that is not running
/// and ready, before it replaces any pod. When a bad revision left such a pod, reverting the template (an undo) does
/// not move the rollout on: the pod of the undone revision must be deleted. An undo warns about it; a rollback on
/// failure, which the user asked to bring the workload back, deletes those pods.
/// </summary>
public static class ForcedRollback
{
    /// <summary>
    /// The pods that hold the StatefulSet back from <paramref name="targetRevision"/> (a ControllerRevision name): its
    /// pods of other revisions that are not ready, when it replaces pods in order (not Parallel, not OnDelete).
    /// </summary>
    public static IReadOnlyList<V1Pod> BlockingPods(V1StatefulSet statefulSet, string targetRevision, IEnumerable<V1Pod> pods)
    {
        var orderedReady = statefulSet.Spec.PodManagementPolicy is null or "" or "OrderedReady";
        var rollingUpdate = statefulSet.Spec.UpdateStrategy?.Type is null or "" or "RollingUpdate";
        return !orderedReady || !rollingUpdate
            ? []
            : pods.Where(p => WorkloadPods.IsControlledBy(p, statefulSet.Metadata.Uid)
                    && p.Metadata.DeletionTimestamp is null
                    && !WorkloadPods.IsReady(p)
                    && WorkloadPods.RevisionOf(p) is { } revision && revision != targetRevision)
                .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>The warning for an undo to <paramref name="targetRevision"/>, or null when no pod stands in the way.</summary>
    public static string? Warning(V1StatefulSet statefulSet, string targetRevision, IEnumerable<V1Pod> pods)
    {
        var blocking = PodDiagnostics.Describe(BlockingPods(statefulSet, targetRevision, pods));
        if (blocking.Count == 0)
        {
            return null;
        }

        var names = string.Join(" ", blocking.Select(p => p.Pod));
        return $"statefulset.apps/{statefulSet.Metadata.Name} starts or replaces pods in order and waits while one is not ready, and " +
            $"{(blocking.Count == 1 ? "this pod of another revision is not" : "these pods of other revisions are not")}: " +
            $"{string.Join("; ", blocking)}. The rollback does not go on until {(blocking.Count == 1 ? "it is" : "they are")} deleted " +
            $"(kubectl delete pod {names} -n {statefulSet.Metadata.NamespaceProperty}); the controller then starts {(blocking.Count == 1 ? "it" : "them")} again at the restored revision.";
    }

    /// <summary>
    /// Deletes the pods that hold a StatefulSet back from the revision its template now has (after an undo the
    /// controller has observed) and says which it deleted, as a warning; null when none did.
    /// </summary>
    public static async Task<string?> DeleteBlockingPodsAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        var statefulSet = await WorkloadReads.GetAsync<V1StatefulSet>(client, ApiResource.StatefulSets, workload, cancellationToken).ConfigureAwait(false);
        if (statefulSet.Status?.UpdateRevision is not { } target || statefulSet.Spec.Selector is not { } selector)
        {
            return null;
        }

        var pods = await client.ListAsync<V1Pod>(ApiResource.Pods, workload.Namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(selector)).ConfigureAwait(false);
        var blocking = BlockingPods(statefulSet, target, pods.Items);
        if (blocking.Count == 0)
        {
            return null;
        }

        var problems = PodDiagnostics.Describe(blocking);
        foreach (var pod in blocking)
        {
            try
            {
                await client.DeleteAsync(ApiResource.Pods, workload.Namespace, pod.Metadata.Name, pod.Metadata.Uid, dryRun: false, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.IsNotFound || e.IsConflict)
            {
                // gone or replaced meanwhile: the controller has it in hand
            }
        }

        return $"Deleted {(blocking.Count == 1 ? "pod" : "pods")} of the failed revision that {workload.ResourceName} waited for: " +
            $"{string.Join("; ", problems)}. A StatefulSet that starts or replaces pods in order does not replace a pod that is not ready; " +
            $"its controller starts {(blocking.Count == 1 ? "it" : "them")} again at the restored revision (Kubernetes' forced rollback).";
    }
}
