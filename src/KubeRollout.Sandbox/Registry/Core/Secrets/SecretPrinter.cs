using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Secrets;

internal sealed class SecretPrinter : TablePrinter<V1Secret>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Type", "string", "Used to facilitate programmatic handling of secret data."),
        new("Data", "string", "Data contains the secret data."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1Secret secret, DateTime now) =>
    [
        secret.Metadata.Name,
        secret.Type ?? "Opaque",
        (long)(secret.Data?.Count ?? 0),
        HumanDuration.Since(secret.Metadata.CreationTimestamp, now),
    ];
}
