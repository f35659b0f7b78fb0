using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.ServiceAccounts;

/// <summary>Service accounts as the API server prints them: name, the number of (legacy) secrets, age.</summary>
internal sealed class ServiceAccountPrinter : TablePrinter<V1ServiceAccount>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Secrets", "string", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret"),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1ServiceAccount account, DateTime now) =>
    [
        account.Metadata.Name,
        (long)(account.Secrets?.Count ?? 0),
        HumanDuration.Since(account.Metadata.CreationTimestamp, now),
    ];
}
