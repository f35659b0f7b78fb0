using k8s.Models;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.Pods;

namespace KubeRollout.Core.Rollouts.StatefulSets;

/// <summary>
/// Kubernetes' "forced rollback": a StatefulSet with OrderedReady pod management stops at a pod that is not running
/// and ready, before it replaces any pod. When a bad revision left such a pod, reverting the template (an undo) does
/// not move the rollout on: the pod of the undone revision must be deleted by hand. An undo warns about it (pure).
/// </summary>
public static class ForcedRollback
{
    /// <summary>
    /// The warning for an undo to <paramref name="targetRevision"/> (a ControllerRevision name), or null when no pod
    /// of another revision stands in the way (or the controller replaces such pods anyway: Parallel, OnDelete).
    /// </summary>
    public static string? Warning(V1StatefulSet statefulSet, string targetRevision, IEnumerable<V1Pod> pods)
    {
        var orderedReady = statefulSet.Spec.PodManagementPolicy is null or "" or "OrderedReady";
        var rollingUpdate = statefulSet.Spec.UpdateStrategy?.Type is null or "" or "RollingUpdate";
        if (!orderedReady || !rollingUpdate)
        {
            return null;
        }

        var blocking = PodDiagnostics.Describe(pods.Where(p =>
            WorkloadPods.IsControlledBy(p, statefulSet.Metadata.Uid) && WorkloadPods.RevisionOf(p) is { } revision && revision != targetRevision));
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
}
