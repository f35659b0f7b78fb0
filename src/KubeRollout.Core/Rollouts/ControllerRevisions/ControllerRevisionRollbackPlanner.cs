using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Rollouts.ControllerRevisions;

/// <summary>
/// Plans <c>kubectl rollout undo</c> for a StatefulSet or DaemonSet, with kubectl's checks in kubectl's order and
/// its messages: a negative revision, revision 0 with at most one revision, a revision not in the history, a
/// template that already matches; otherwise the revision's data goes back as a strategic merge patch.
/// </summary>
public static class ControllerRevisionRollbackPlanner
{
    /// <param name="resourceName">kubectl's name of the workload (statefulset.apps/todo-db), for errors.</param>
    /// <param name="data">The data (JSON) of each revision, by ControllerRevision name.</param>
    public static ControllerRevisionRollbackPlan Plan(
        string resourceName, V1PodTemplateSpec? liveTemplate, IReadOnlyList<RolloutRevision> history,
        IReadOnlyDictionary<string, string> data, long toRevision)
    {
        var target = SelectTarget(resourceName, history, toRevision);
        var current = history.FirstOrDefault(r => r.IsCurrent);
        if (PodTemplates.EqualIgnoringHash(target.PodTemplate, liveTemplate))
        {
            return new(target, current, Skip: true, $"skipped rollback (current template already matches revision {toRevision})", string.Empty, []);
        }

        return new(target, current, Skip: false, "rolled back", data[target.Source], PodTemplateDiff.Between(liveTemplate, target.PodTemplate));
    }

    public static RolloutRevision SelectTarget(string resourceName, IReadOnlyList<RolloutRevision> history, long toRevision)
    {
        if (toRevision < 0)
        {
            throw RevisionNotFound(resourceName, toRevision);
        }

        if (toRevision == 0 && history.Count <= 1)
        {
            throw new KubeRolloutException("NoRolloutHistory", FailureKind.ObjectNotFound, "no last revision to roll back to", resourceName);
        }

        if (toRevision > 0)
        {
            return history.FirstOrDefault(r => r.Revision == toRevision) ?? throw RevisionNotFound(resourceName, toRevision);
        }

        return history.OrderBy(r => r.Revision).ToList()[^2];
    }

    private static KubeRolloutException RevisionNotFound(string resourceName, long revision) =>
        new("RevisionNotFound", FailureKind.ObjectNotFound, $"unable to find specified revision {revision} in history", resourceName);
}
