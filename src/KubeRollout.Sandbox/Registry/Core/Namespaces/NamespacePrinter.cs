using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Namespaces;

internal sealed class NamespacePrinter : TablePrinter<V1Namespace>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Status", "string", "The status of the namespace"),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1Namespace ns, DateTime now) =>
    [
        ns.Metadata.Name,
        ns.Status?.Phase ?? string.Empty,
        HumanDuration.Since(ns.Metadata.CreationTimestamp, now),
    ];
}
