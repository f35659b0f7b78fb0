using k8s;
using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Rollouts.Deployments;

/// <summary>
/// Plans <c>kubectl rollout undo</c> for a Deployment, with kubectl's checks in kubectl's order and its messages:
/// the target (a given revision, or the second-highest), a paused Deployment refused, a matching template skipped,
/// otherwise a JSON patch replacing the template (without pod-template-hash) and the annotations.
/// </summary>
public static class DeploymentRollbackPlanner
{
    public static RolloutRevision SelectTarget(V1Deployment deployment, IReadOnlyList<RolloutRevision> history, long toRevision)
    {
        if (toRevision < 0)
        {
            throw RevisionNotFound(deployment, toRevision);
        }

        if (toRevision > 0)
        {
            return history.FirstOrDefault(r => r.Revision == toRevision) ?? throw RevisionNotFound(deployment, toRevision);
        }

        var ordered = history.OrderByDescending(r => r.Revision).ToList();
        return ordered.Count >= 2
            ? ordered[1]
            : throw new KubeRolloutException(
                "NoRolloutHistory", FailureKind.ObjectNotFound, $"no rollout history found for deployment \"{deployment.Metadata.Name}\"", Reference(deployment));
    }

    /// <param name="checkPaused">False for a client-side dry run, which kubectl answers before looking at paused.</param>
    public static DeploymentRollbackPlan Plan(V1Deployment deployment, IReadOnlyList<RolloutRevision> history, long toRevision, bool checkPaused = true)
    {
        var target = SelectTarget(deployment, history, toRevision);
        var current = history.FirstOrDefault(r => r.IsCurrent);
        var changes = PodTemplateDiff.Between(deployment.Spec.Template, target.PodTemplate);
        if (checkPaused && deployment.Spec.Paused == true)
        {
            throw new KubeRolloutException(
                "DeploymentPaused", FailureKind.InvalidOperation,
                "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again", Reference(deployment))
            {
                RecommendedAction = PausedDeployments.ResumeFirst(deployment.Metadata.NamespaceProperty, deployment.Metadata.Name, "Undo-KubeRollout"),
            };
        }

        var template = PodTemplates.WithoutHash(target.PodTemplate);
        if (PodTemplates.EqualIgnoringHash(target.PodTemplate, deployment.Spec.Template))
        {
            return new(target, current, Skip: true, $"skipped rollback (current template already matches revision {toRevision})", template, new Dictionary<string, string>(), []);
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in deployment.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            if (WellKnownAnnotations.RollbackSkipped.Contains(key))
            {
                annotations[key] = value;
            }
        }

        foreach (var (key, value) in target.Annotations)
        {
            if (!WellKnownAnnotations.RollbackSkipped.Contains(key))
            {
                annotations[key] = value;
            }
        }

        return new(target, current, Skip: false, "rolled back", template, annotations, changes);
    }

    /// <summary>The Deployment as the undo leaves it: what kubectl's JSON patch would produce.</summary>
    public static V1Deployment ApplyTo(V1Deployment deployment, DeploymentRollbackPlan plan)
    {
        var copy = KubernetesJson.Deserialize<V1Deployment>(KubernetesJson.Serialize(deployment));
        copy.Spec.Template = plan.Template;
        copy.Metadata.Annotations = new Dictionary<string, string>(plan.Annotations);
        return copy;
    }

    private static KubeRolloutException RevisionNotFound(V1Deployment deployment, long revision) =>
        new("RevisionNotFound", FailureKind.ObjectNotFound, $"unable to find specified revision {revision} in history", Reference(deployment));

    private static string Reference(V1Deployment deployment) => $"deployment.apps/{deployment.Metadata.Name}";
}
