using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Apps.ControllerRevisions;

internal sealed class ControllerRevisionPrinter : TablePrinter<V1ControllerRevision>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Controller", "string", "Controller of the object"),
        new("Revision", "string", "Revision indicates the revision of the state represented by Data."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1ControllerRevision revision, DateTime now)
    {
        var controller = revision.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        return
        [
            revision.Metadata.Name,
            controller is null ? "<none>" : $"{GroupKind(controller).ToLowerInvariant()}/{controller.Name}",
            revision.Revision ?? 0,
            HumanDuration.Since(revision.Metadata.CreationTimestamp, now),
        ];
    }

    /// <summary>"StatefulSet.apps", or just the kind for the core group.</summary>
    private static string GroupKind(V1OwnerReference owner)
    {
        var slash = owner.ApiVersion?.IndexOf('/') ?? -1;
        return slash > 0 ? $"{owner.Kind}.{owner.ApiVersion![..slash]}" : owner.Kind;
    }
}
