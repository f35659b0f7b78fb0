using k8s.Models;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Rollouts.Deployments;

/// <summary>
/// What an undo of a Deployment will do: nothing (<see cref="Skip"/>, with kubectl's message), or replace the
/// template with <see cref="Template"/> and the annotations with <see cref="Annotations"/>.
/// </summary>
public sealed record DeploymentRollbackPlan(
    RolloutRevision Target,
    RolloutRevision? Current,
    bool Skip,
    string Message,
    V1PodTemplateSpec Template,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<TemplateChange> Changes);
