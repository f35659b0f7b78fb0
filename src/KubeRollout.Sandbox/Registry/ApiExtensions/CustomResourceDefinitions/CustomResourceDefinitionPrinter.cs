using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.ApiExtensions.CustomResourceDefinitions;

/// <summary>CustomResourceDefinitions as the API server prints them: name and creation time.</summary>
internal sealed class CustomResourceDefinitionPrinter : TablePrinter<V1CustomResourceDefinition>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Created At", "date", TableColumn.AgeDescription),
    ];

    protected override object?[] Cells(V1CustomResourceDefinition definition, DateTime now) =>
    [
        definition.Metadata.Name,
        definition.Metadata.CreationTimestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    ];
}
