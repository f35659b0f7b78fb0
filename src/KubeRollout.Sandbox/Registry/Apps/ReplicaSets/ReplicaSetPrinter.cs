using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Apps.ReplicaSets;

internal sealed class ReplicaSetPrinter : TablePrinter<V1ReplicaSet>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Desired", "integer", "Replicas is the number of desired pods."),
        new("Current", "integer", "Replicas is the most recently observed number of non-terminating pods."),
        new("Ready", "integer", "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "Selector is a label query over pods that should match the replica count.", 1),
    ];

    protected override object?[] Cells(V1ReplicaSet replicaSet, DateTime now)
    {
        var (names, images) = PrintFormatting.Containers(replicaSet.Spec?.Template?.Spec?.Containers);
        return
        [
            replicaSet.Metadata.Name,
            (long)(replicaSet.Spec?.Replicas ?? 1),
            (long)(replicaSet.Status?.Replicas ?? 0),
            (long)(replicaSet.Status?.ReadyReplicas ?? 0),
            HumanDuration.Since(replicaSet.Metadata.CreationTimestamp, now),
            names,
            images,
            PrintFormatting.LabelSelector(replicaSet.Spec?.Selector),
        ];
    }
}
