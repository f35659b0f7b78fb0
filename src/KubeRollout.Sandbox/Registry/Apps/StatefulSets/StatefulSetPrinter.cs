using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Apps.StatefulSets;

internal sealed class StatefulSetPrinter : TablePrinter<V1StatefulSet>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Ready", "string", "Number of the pod with ready state"),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
    ];

    protected override object?[] Cells(V1StatefulSet statefulSet, DateTime now)
    {
        var (names, images) = PrintFormatting.Containers(statefulSet.Spec?.Template?.Spec?.Containers);
        return
        [
            statefulSet.Metadata.Name,
            $"{statefulSet.Status?.ReadyReplicas ?? 0}/{statefulSet.Spec?.Replicas ?? 1}",
            HumanDuration.Since(statefulSet.Metadata.CreationTimestamp, now),
            names,
            images,
        ];
    }
}
