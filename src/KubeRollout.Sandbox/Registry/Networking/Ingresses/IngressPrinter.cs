using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Networking.Ingresses;

/// <summary>Ingresses as the API server prints them: class, hosts (three at most), address, ports, age.</summary>
internal sealed class IngressPrinter : TablePrinter<V1Ingress>
{
    private const int MaxHosts = 3;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Class", "string", "The name of the IngressClass resource that should be used for additional configuration"),
        new("Hosts", "string", "Hosts that incoming requests are matched against before the ingress rule"),
        new("Address", "string", "Address is a list containing ingress points for the load-balancer"),
        new("Ports", "string", "Ports of TLS configurations that open"),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1Ingress ingress, DateTime now) =>
    [
        ingress.Metadata.Name,
        ingress.Spec?.IngressClassName ?? "<none>",
        Hosts(ingress.Spec?.Rules ?? []),
        string.Join(",", (ingress.Status?.LoadBalancer?.Ingress ?? []).Select(i => string.IsNullOrEmpty(i.Ip) ? i.Hostname : i.Ip).Where(a => !string.IsNullOrEmpty(a)).Distinct().Order(StringComparer.Ordinal)),
        (ingress.Spec?.Tls?.Count ?? 0) > 0 ? "80, 443" : "80",
        HumanDuration.Since(ingress.Metadata.CreationTimestamp, now),
    ];

    private static string Hosts(IList<V1IngressRule> rules)
    {
        var hosts = new List<string>();
        var more = false;
        foreach (var rule in rules)
        {
            more |= hosts.Count == MaxHosts;
            if (!more && !string.IsNullOrEmpty(rule.Host))
            {
                hosts.Add(rule.Host);
            }
        }

        var text = hosts.Count == 0 ? "*" : string.Join(",", hosts);
        return hosts.Count > 0 && more ? $"{text} + {rules.Count - MaxHosts} more..." : text;
    }
}
