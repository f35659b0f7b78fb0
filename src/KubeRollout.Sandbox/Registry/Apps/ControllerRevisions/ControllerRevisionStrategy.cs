using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.ControllerRevisions;

/// <summary>apps/v1 controllerrevisions: the history of StatefulSets and DaemonSets; no status, no generation.</summary>
public sealed class ControllerRevisionStrategy : ResourceStrategy<V1ControllerRevision>
{
    public static readonly ResourceType Type = new("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", Namespaced: true, typeof(V1ControllerRevision));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new ControllerRevisionPrinter();

    protected override void Validate(V1ControllerRevision obj, V1ControllerRevision? old, FieldErrors errors) =>
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
}
