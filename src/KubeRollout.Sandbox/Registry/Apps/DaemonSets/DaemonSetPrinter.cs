using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Apps.DaemonSets;

internal sealed class DaemonSetPrinter : TablePrinter<V1DaemonSet>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Desired", "integer", "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod)."),
        new("Current", "integer", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."),
        new("Ready", "integer", "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."),
        new("Up-to-date", "integer", "The total number of nodes that are running updated daemon pod"),
        new("Available", "integer", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
        new("Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "A label query over pods that are managed by the daemon set. Must match in order to be controlled.", 1),
    ];

    protected override object?[] Cells(V1DaemonSet daemonSet, DateTime now)
    {
        var (names, images) = PrintFormatting.Containers(daemonSet.Spec?.Template?.Spec?.Containers);
        var status = daemonSet.Status;
        return
        [
            daemonSet.Metadata.Name,
            (long)(status?.DesiredNumberScheduled ?? 0),
            (long)(status?.CurrentNumberScheduled ?? 0),
            (long)(status?.NumberReady ?? 0),
            (long)(status?.UpdatedNumberScheduled ?? 0),
            (long)(status?.NumberAvailable ?? 0),
            PrintFormatting.Labels(daemonSet.Spec?.Template?.Spec?.NodeSelector),
            HumanDuration.Since(daemonSet.Metadata.CreationTimestamp, now),
            names,
            images,
            PrintFormatting.LabelSelector(daemonSet.Spec?.Selector),
        ];
    }
}
