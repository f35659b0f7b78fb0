using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Apply;

/// <summary>One applied object: what happened, whether its pod template changed (a rollout) and the revision it produced.</summary>
public sealed class ApplyResult
{
    public required string Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required ApplyAction Action { get; init; }

    /// <summary>True when the pod template changed, so the workload rolls out a new revision.</summary>
    public bool RolloutTriggered { get; init; }

    /// <summary>The workload's revision after the apply (null for objects without revisions, or when not yet observed).</summary>
    public long? Revision { get; init; }

    /// <summary>The change cause recorded with the new revision.</summary>
    public string? ChangeCause { get; init; }

    public bool DryRun { get; init; }

    /// <summary>The pod template's changes, field by field.</summary>
    public IReadOnlyList<TemplateChange> Changes { get; init; } = [];

    /// <summary>The manifest file and line the object came from.</summary>
    public string? Source { get; init; }

    public bool IsWorkload => Kind is "Deployment" or "StatefulSet" or "DaemonSet";

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name} {Action.ToString().ToLowerInvariant()}";
}
