using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Rollouts.ControllerRevisions;

/// <summary>
/// What an undo of a StatefulSet or DaemonSet will do: nothing (<see cref="Skip"/>, with kubectl's message), or send
/// <see cref="Patch"/> (the target revision's data) as a strategic merge patch.
/// </summary>
public sealed record ControllerRevisionRollbackPlan(
    RolloutRevision Target,
    RolloutRevision? Current,
    bool Skip,
    string Message,
    string Patch,
    IReadOnlyList<TemplateChange> Changes);
