using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>
/// The API server's table for a kind without a printer of its own (its default table convertor): the name and the
/// creation time as an RFC 3339 date.
/// </summary>
public sealed class DefaultTablePrinter : ITablePrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Created At", "date", TableColumn.AgeDescription),
    ];

    public object?[] Cells(IKubernetesObject<V1ObjectMeta> obj, DateTime now) =>
    [
        obj.Metadata.Name,
        obj.Metadata.CreationTimestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    ];
}
