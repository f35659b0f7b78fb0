using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Apply;

/// <summary>
/// One applied object: what happened, whether its pod template changed (a rollout), the revision it produced, and
/// what changed: fields, and for a ConfigMap or Secret the keys of its data and the workloads that read it.
/// </summary>
public sealed record ApplyResult
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

    /// <summary>
    /// Every field the apply changes, as the server computed it (spec.replicas, spec.strategy.type, a Service's
    /// spec.selector, spec.template.spec.containers[web].image, labels, annotations); the data of a ConfigMap or
    /// Secret is in <see cref="DataChanges"/>.
    /// </summary>
    public IReadOnlyList<TemplateChange> Changes { get; init; } = [];

    /// <summary>For a ConfigMap or Secret changed in place: the keys added, changed and removed (a Secret's values never shown).</summary>
    public IReadOnlyList<ConfigKeyChange> DataChanges { get; init; } = [];

    /// <summary>
    /// For a ConfigMap or Secret whose data changed in place: the Deployments, StatefulSets and DaemonSets of the
    /// namespace that reference it, whose running pods do not get the change through a rollout.
    /// </summary>
    public IReadOnlyList<ConfigDependent> Dependents { get; init; } = [];

    /// <summary>For a ConfigMap or Secret made by -VersionConfig: the name it is a version of.</summary>
    public string? VersionOf { get; init; }

    /// <summary>
    /// What the user must know about this change beyond the in-place config warning: a Deployment that rolls out
    /// with Recreate (down until its new pods are ready), a Service whose new selector reaches no ready pod or the
    /// pods of several workloads.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The manifest file and line the object came from.</summary>
    public string? Source { get; init; }

    public bool IsWorkload => Kind is "Deployment" or "StatefulSet" or "DaemonSet";

    /// <summary>A ConfigMap or Secret whose data this apply changes in place (same name, other data).</summary>
    public bool ChangesConfigInPlace => ConfigData.IsConfigKind(Kind) && Action == ApplyAction.Configured && DataChanges.Count > 0;

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name} {Action.ToString().ToLowerInvariant()}";
}
