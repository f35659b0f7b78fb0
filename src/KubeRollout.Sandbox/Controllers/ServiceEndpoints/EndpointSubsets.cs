using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// The subsets of a Service's core/v1 Endpoints, computed as the endpoints controller does it: one address per
/// listed pod and Service port (ready, or not ready unless publishNotReadyAddresses), repacked into the canonical
/// layout (pkg/api/v1/endpoints RepackSubsets: addresses grouped by the ports they share, not-ready winning over
/// ready, sorted by IP and uid), and truncated to 1000 addresses with ready ones kept first.
/// </summary>
public static class EndpointSubsets
{
    public const int MaxCapacity = 1000;
    public const string OverCapacityAnnotation = "endpoints.kubernetes.io/over-capacity";

    public static List<V1EndpointSubset> For(V1Service service, IEnumerable<V1Pod> pods)
    {
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var family = EndpointPods.FamilyOf(service);
        var servicePorts = service.Spec?.Ports ?? [];
        var expanded = new List<(V1EndpointAddress Address, Corev1EndpointPort? Port, bool Ready)>();
        foreach (var pod in pods)
        {
            if (!EndpointPods.ShouldBeListed(pod, publishNotReady) || EndpointPods.AddressOf(pod, family) is not { } ip)
            {
                continue;
            }

            var address = new V1EndpointAddress
            {
                Ip = ip,
                NodeName = pod.Spec?.NodeName,
                Hostname = EndpointPods.ShouldSetHostname(pod, service) ? pod.Spec!.Hostname : null,
                TargetRef = EndpointPods.TargetRefOf(pod),
            };
            var ready = publishNotReady || Machinery.Objects.PodConditions.IsReady(pod);
            if (servicePorts.Count == 0)
            {
                if (service.Spec?.ClusterIP == "None")
                {
                    expanded.Add((address, null, ready));
                }

                continue;
            }

            foreach (var servicePort in servicePorts)
            {
                if (EndpointPods.FindPort(pod, servicePort) is { } number)
                {
                    expanded.Add((address, new Corev1EndpointPort { Name = servicePort.Name, Port = number, Protocol = servicePort.Protocol, AppProtocol = servicePort.AppProtocol }, ready));
                }
            }
        }

        return Repack(expanded);
    }

    /// <summary>
    /// Cuts the subsets to <see cref="MaxCapacity"/> addresses: not-ready addresses go first, each subset keeping its
    /// share; when even the ready ones are too many, all not-ready ones go and ready ones are cut in proportion.
    /// True when something was cut.
    /// </summary>
    public static bool Truncate(List<V1EndpointSubset> subsets)
    {
        var ready = subsets.Sum(s => s.Addresses?.Count ?? 0);
        var notReady = subsets.Sum(s => s.NotReadyAddresses?.Count ?? 0);
        if (ready + notReady <= MaxCapacity)
        {
            return false;
        }

        var cutReady = ready > MaxCapacity;
        var room = cutReady ? MaxCapacity : MaxCapacity - ready;
        var total = cutReady ? ready : notReady;
        var left = room;
        foreach (var subset in subsets)
        {
            var inSubset = cutReady ? subset.Addresses?.Count ?? 0 : subset.NotReadyAddresses?.Count ?? 0;
            var share = Math.Min((int)Math.Ceiling((double)inSubset / total * room), left);
            if (cutReady)
            {
                subset.Addresses = subset.Addresses?.Take(share).ToList();
                subset.NotReadyAddresses = null;
                left -= subset.Addresses?.Count ?? 0;
            }
            else
            {
                subset.NotReadyAddresses = subset.NotReadyAddresses?.Take(share).ToList();
                left -= subset.NotReadyAddresses?.Count ?? 0;
            }
        }

        return true;
    }

    private static List<V1EndpointSubset> Repack(List<(V1EndpointAddress Address, Corev1EndpointPort? Port, bool Ready)> expanded)
    {
        // per port, each address (by ip and pod uid) with its readiness; not ready on any container wins
        var byPort = new Dictionary<string, (Corev1EndpointPort? Port, Dictionary<string, (V1EndpointAddress Address, bool Ready)> Addresses)>(StringComparer.Ordinal);
        foreach (var (address, port, ready) in expanded)
        {
            var portKey = port is null ? string.Empty : $"{port.Name}\n{port.Port}\n{port.Protocol}\n{port.AppProtocol}";
            if (!byPort.TryGetValue(portKey, out var entry))
            {
                entry = (port, new Dictionary<string, (V1EndpointAddress, bool)>(StringComparer.Ordinal));
                byPort[portKey] = entry;
            }

            var addressKey = $"{address.Ip}\n{address.TargetRef?.Uid}";
            entry.Addresses[addressKey] = entry.Addresses.TryGetValue(addressKey, out var seen) ? (seen.Address, seen.Ready && ready) : (address, ready);
        }

        // ports that offer the same addresses in the same states share a subset
        var subsets = new Dictionary<string, V1EndpointSubset>(StringComparer.Ordinal);
        foreach (var (port, addresses) in byPort.Values)
        {
            var sorted = addresses.Values.OrderBy(a => a.Address.Ip, StringComparer.Ordinal).ThenBy(a => a.Address.TargetRef?.Uid, StringComparer.Ordinal).ToList();
            var key = string.Join("\n", sorted.Select(a => $"{a.Address.Ip}/{a.Address.TargetRef?.Uid}/{a.Ready}"));
            if (!subsets.TryGetValue(key, out var subset))
            {
                var readyAddresses = sorted.Where(a => a.Ready).Select(a => a.Address).ToList();
                var notReadyAddresses = sorted.Where(a => !a.Ready).Select(a => a.Address).ToList();
                subset = new V1EndpointSubset
                {
                    Addresses = readyAddresses.Count == 0 ? null : readyAddresses,
                    NotReadyAddresses = notReadyAddresses.Count == 0 ? null : notReadyAddresses,
                    Ports = port is null ? null : [],
                };
                subsets[key] = subset;
            }

            if (port is not null)
            {
                subset.Ports!.Add(port);
            }
        }

        foreach (var subset in subsets.Values.Where(s => s.Ports is not null))
        {
            subset.Ports = subset.Ports!.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Port).ToList();
        }

        // the API server orders subsets by a hash; any stable order keeps equal results equal
        return subsets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value).ToList();
    }
}
