using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.ConfigMaps;

internal sealed class ConfigMapPrinter : TablePrinter<V1ConfigMap>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Data", "string", "Data contains the configuration data."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1ConfigMap configMap, DateTime now) =>
    [
        configMap.Metadata.Name,
        (long)((configMap.Data?.Count ?? 0) + (configMap.BinaryData?.Count ?? 0)),
        HumanDuration.Since(configMap.Metadata.CreationTimestamp, now),
    ];
}
