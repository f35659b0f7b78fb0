using System.Net;
using KubeRollout.Sandbox.Simulation.Nodes;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>Pod IPs from each node's pod CIDR (host-local IPAM): next free address, released when the pod goes.</summary>
public sealed class PodAddressAllocator
{
    private const string FallbackCidr = "10.244.0.0/16";

    private readonly object _gate = new();
    private readonly HashSet<uint> _used = [];
    private readonly Dictionary<string, uint> _cursors = new(StringComparer.Ordinal);

    /// <summary>A free address in the CIDR, or null when it is exhausted.</summary>
    public string? Allocate(string? podCidr)
    {
        var cidr = string.IsNullOrEmpty(podCidr) ? FallbackCidr : podCidr;
        if (cidr.Split('/') is not [var address, var prefixText] || !IPAddress.TryParse(address, out var ip) || !int.TryParse(prefixText, out var prefix) || prefix is < 8 or > 30)
        {
            cidr = FallbackCidr;
            ip = IPAddress.Parse("10.244.0.0");
            prefix = 16;
        }

        var network = PodCidrs.ToUInt(ip) & (uint.MaxValue << (32 - prefix));
        var hosts = (1u << (32 - prefix)) - 2;
        lock (_gate)
        {
            var cursor = _cursors.GetValueOrDefault(cidr);
            for (uint attempt = 0; attempt < hosts; attempt++)
            {
                var candidate = network + 1 + ((cursor + attempt) % hosts);
                if ((candidate & 255) is 0 or 255 || !_used.Add(candidate))
                {
                    continue;
                }

                _cursors[cidr] = (cursor + attempt + 1) % hosts;
                return PodCidrs.ToAddress(candidate);
            }
        }

        return null;
    }

    /// <summary>Marks an address a pod already has (reported before a restart of the sandbox) as used.</summary>
    public string Reserve(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            lock (_gate)
            {
                _used.Add(PodCidrs.ToUInt(ip));
            }
        }

        return address;
    }

    public void Release(string? address)
    {
        if (address is not null && IPAddress.TryParse(address, out var ip))
        {
            lock (_gate)
            {
                _used.Remove(PodCidrs.ToUInt(ip));
            }
        }
    }
}
