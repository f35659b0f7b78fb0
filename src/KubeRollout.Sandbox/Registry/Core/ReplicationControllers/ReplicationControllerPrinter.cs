using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.ReplicationControllers;

/// <summary>ReplicationControllers as the API server prints them: desired, current and ready replicas; wide: containers, images, selector.</summary>
internal sealed class ReplicationControllerPrinter : TablePrinter<V1ReplicationController>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Desired", "integer", "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller"),
        new("Current", "integer", "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller"),
        new("Ready", "integer", "The number of ready replicas for this replication controller."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
    ];

    protected override object?[] Cells(V1ReplicationController controller, DateTime now)
    {
        var (names, images) = PrintFormatting.Containers(controller.Spec?.Template?.Spec?.Containers);
        return
        [
            controller.Metadata.Name,
            (long)(controller.Spec?.Replicas ?? 1),
            (long)(controller.Status?.Replicas ?? 0),
            (long)(controller.Status?.ReadyReplicas ?? 0),
            HumanDuration.Since(controller.Metadata.CreationTimestamp, now),
            names,
            images,
            PrintFormatting.Labels(controller.Spec?.Selector),
        ];
    }
}
