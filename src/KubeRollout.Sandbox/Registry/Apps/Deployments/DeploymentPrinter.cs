using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Apps.Deployments;

internal sealed class DeploymentPrinter : TablePrinter<V1Deployment>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Ready", "string", "Number of the pod with ready state"),
        new("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        new("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
    ];

    protected override object?[] Cells(V1Deployment deployment, DateTime now)
    {
        var (names, images) = PrintFormatting.Containers(deployment.Spec?.Template?.Spec?.Containers);
        var status = deployment.Status;
        return
        [
            deployment.Metadata.Name,
            $"{status?.ReadyReplicas ?? 0}/{deployment.Spec?.Replicas ?? 1}",
            (long)(status?.UpdatedReplicas ?? 0),
            (long)(status?.AvailableReplicas ?? 0),
            HumanDuration.Since(deployment.Metadata.CreationTimestamp, now),
            names,
            images,
            LabelSelectorText.Format(deployment.Spec?.Selector),
        ];
    }
}
