using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Services;

internal sealed class ServicePrinter : TablePrinter<V1Service>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Type", "string", "type determines how the Service is exposed. Defaults to ClusterIP."),
        new("Cluster-IP", "string", "clusterIP is the IP address of the service and is usually assigned randomly."),
        new("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        new("Port(s)", "string", "The list of ports that are exposed by this service."),
        TableColumn.Age(),
        new("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1),
    ];

    protected override object?[] Cells(V1Service service, DateTime now)
    {
        var spec = service.Spec ?? new V1ServiceSpec();
        var clusterIp = spec.ClusterIPs?.FirstOrDefault() ?? spec.ClusterIP;
        var ports = string.Join(",", (spec.Ports ?? []).Select(p =>
            p.NodePort is > 0 ? $"{p.Port}:{p.NodePort}/{p.Protocol ?? "TCP"}" : $"{p.Port}/{p.Protocol ?? "TCP"}"));
        return
        [
            service.Metadata.Name,
            spec.Type ?? "ClusterIP",
            string.IsNullOrEmpty(clusterIp) ? "<none>" : clusterIp,
            ExternalIp(spec, service.Status),
            ports.Length == 0 ? "<none>" : ports,
            HumanDuration.Since(service.Metadata.CreationTimestamp, now),
            PrintFormatting.Labels(spec.Selector),
        ];
    }

    private static string ExternalIp(V1ServiceSpec spec, V1ServiceStatus? status)
    {
        var externalIps = spec.ExternalIPs ?? [];
        switch (spec.Type ?? "ClusterIP")
        {
            case "ClusterIP" or "NodePort":
                return externalIps.Count > 0 ? string.Join(",", externalIps) : "<none>";
            case "LoadBalancer":
                var ingress = (status?.LoadBalancer?.Ingress ?? [])
                    .Select(i => !string.IsNullOrEmpty(i.Ip) ? i.Ip : i.Hostname)
                    .Where(a => !string.IsNullOrEmpty(a))
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var all = ingress.Concat(externalIps).ToList();
                return all.Count > 0 ? string.Join(",", all) : "<pending>";
            case "ExternalName":
                return spec.ExternalName ?? string.Empty;
            default:
                return "<unknown>";
        }
    }
}
