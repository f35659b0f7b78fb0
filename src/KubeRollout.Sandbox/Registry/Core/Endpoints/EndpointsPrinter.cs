using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Endpoints;

/// <summary>
/// core/v1 Endpoints as the API server prints them (formatEndpoints): the ready addresses as ip:port, port by port
/// and subset by subset, at most three and then "+ N more..."; not-ready addresses are not shown, and an object
/// without subsets prints &lt;none&gt;.
/// </summary>
internal sealed class EndpointsPrinter : TablePrinter<V1Endpoints>
{
    private const int Shown = 3;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Endpoints", "string", "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1Endpoints endpoints, DateTime now) =>
    [
        endpoints.Metadata.Name,
        Format(endpoints.Subsets),
        HumanDuration.Since(endpoints.Metadata.CreationTimestamp, now),
    ];

    public static string Format(IList<V1EndpointSubset>? subsets)
    {
        if (subsets is not { Count: > 0 })
        {
            return "<none>";
        }

        var listed = new List<string>();
        var count = 0;
        foreach (var subset in subsets)
        {
            var addresses = subset.Addresses ?? [];
            if (subset.Ports is not { Count: > 0 } ports)
            {
                // a headless Service may have no ports: the addresses alone
                count += addresses.Count;
                listed.AddRange(addresses.Take(Shown - listed.Count).Select(a => a.Ip));
                continue;
            }

            foreach (var port in ports)
            {
                count += addresses.Count;
                listed.AddRange(addresses.Take(Shown - listed.Count).Select(a => PrintFormatting.HostPort(a.Ip, port.Port)));
            }
        }

        var text = string.Join(",", listed);
        return count > listed.Count ? $"{text} + {count - listed.Count} more..." : text;
    }
}
