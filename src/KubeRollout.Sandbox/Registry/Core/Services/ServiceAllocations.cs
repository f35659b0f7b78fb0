using System.Net;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Services;

/// <summary>
/// The cluster IP and node ports of a service, allocated as the API server's allocators do: cluster IPs at random
/// from the service CIDR 10.96.0.0/12, node ports from 30000-32767, never one another service holds; an update
/// that leaves them out keeps the allocated ones. 10.96.0.10 stays free for DNS. What is in use is read from the
/// stored services, so a deleted service frees its addresses.
/// </summary>
internal static class ServiceAllocations
{
    public const string ServiceCidr = "10.96.0.0/12";
    public const int FirstNodePort = 30000;
    public const int LastNodePort = 32767;

    private const uint NetworkBase = (10u << 24) | (96u << 16);
    private const uint NetworkSize = 1u << 20;
    private const uint DnsAddress = NetworkBase + 10;

    public static IReadOnlyList<V1StatusCause> Allocate(V1Service service, V1Service? old, ClusterStore store)
    {
        var spec = service.Spec;
        var causes = new List<V1StatusCause>();
        if (spec.Type == "ExternalName")
        {
            return causes;
        }

        var inUse = InUse(store, service);
        AllocateClusterIp(spec, old?.Spec, inUse.Addresses, causes);
        if (spec.Type is "NodePort" or "LoadBalancer")
        {
            AllocateNodePorts(spec, old?.Spec, inUse.NodePorts, causes);
        }

        return causes;
    }

    private static (HashSet<uint> Addresses, HashSet<int> NodePorts) InUse(ClusterStore store, V1Service service)
    {
        var addresses = new HashSet<uint> { DnsAddress };
        var nodePorts = new HashSet<int>();
        foreach (var other in store.List(ServiceStrategy.Type, null, null, out _).Cast<V1Service>())
        {
            if (other.Metadata.NamespaceProperty == service.Metadata.NamespaceProperty && other.Metadata.Name == service.Metadata.Name)
            {
                continue;
            }

            foreach (var ip in other.Spec?.ClusterIPs ?? [])
            {
                if (Parse(ip) is { } value)
                {
                    addresses.Add(value);
                }
            }

            foreach (var port in other.Spec?.Ports ?? [])
            {
                if (port.NodePort is { } nodePort)
                {
                    nodePorts.Add(nodePort);
                }
            }
        }

        return (addresses, nodePorts);
    }

    private static void AllocateClusterIp(V1ServiceSpec spec, V1ServiceSpec? old, HashSet<uint> inUse, List<V1StatusCause> causes)
    {
        if (string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIPs is { Count: > 0 } requested)
        {
            spec.ClusterIP = requested[0];
        }

        if (string.IsNullOrEmpty(spec.ClusterIP) && !string.IsNullOrEmpty(old?.ClusterIP))
        {
            spec.ClusterIP = old.ClusterIP;
        }
        else if (string.IsNullOrEmpty(spec.ClusterIP))
        {
            spec.ClusterIP = Format(RandomFree(inUse));
        }
        else if (spec.ClusterIP != old?.ClusterIP && Claim(spec.ClusterIP, "spec.clusterIPs[0]", inUse) is { } cause)
        {
            causes.Add(cause);
        }

        if (spec.ClusterIPs is not { Count: > 0 })
        {
            spec.ClusterIPs = [spec.ClusterIP];
        }
    }

    private static void AllocateNodePorts(V1ServiceSpec spec, V1ServiceSpec? old, HashSet<int> inUse, List<V1StatusCause> causes)
    {
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0)
            {
                port.NodePort = old?.Ports?.FirstOrDefault(o => o.Port == port.Port && (o.Protocol ?? "TCP") == port.Protocol)?.NodePort
                    ?? RandomFreePort(inUse);
                inUse.Add(port.NodePort.Value);
            }
            else if (old?.Ports?.Any(o => o.NodePort == port.NodePort) != true
                && ClaimNodePort(port.NodePort.Value, $"spec.ports[{i}].nodePort", inUse) is { } cause)
            {
                causes.Add(cause);
            }
        }
    }

    /// <summary>An address the user chose: refused outside the service CIDR or when another service holds it.</summary>
    private static V1StatusCause? Claim(string clusterIp, string field, HashSet<uint> inUse)
    {
        if (clusterIp == "None")
        {
            return null;
        }

        if (Parse(clusterIp) is not { } value)
        {
            return FieldErrors.InvalidCause(field, GoValue.Quote(clusterIp), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }

        if (value - NetworkBase >= NetworkSize)
        {
            return FieldErrors.InvalidCause(
                field,
                GoValue.Quote(clusterIp),
                $"failed to allocate IP {clusterIp}: the provided IP ({clusterIp}) is not in the valid range. The range of valid IPs is {ServiceCidr}");
        }

        return inUse.Add(value)
            ? null
            : FieldErrors.InvalidCause(field, GoValue.Quote(clusterIp), $"failed to allocate IP {clusterIp}: provided IP is already allocated");
    }

    private static V1StatusCause? ClaimNodePort(int port, string field, HashSet<int> inUse)
    {
        if (port is < FirstNodePort or > LastNodePort)
        {
            return FieldErrors.InvalidCause(field, GoValue.Int(port), $"provided port is not in the valid range. The range of valid ports is {FirstNodePort}-{LastNodePort}");
        }

        return inUse.Add(port) ? null : FieldErrors.InvalidCause(field, GoValue.Int(port), "provided port is already allocated");
    }

    private static uint RandomFree(HashSet<uint> inUse)
    {
        while (true)
        {
            var candidate = NetworkBase + 11 + (uint)Random.Shared.NextInt64(NetworkSize - 12);
            if (inUse.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static int RandomFreePort(HashSet<int> inUse)
    {
        while (true)
        {
            var candidate = Random.Shared.Next(FirstNodePort, LastNodePort + 1);
            if (!inUse.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static uint? Parse(string text)
    {
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string Format(uint value) =>
        $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";
}
