using System.Net;
using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>
/// Hands out cluster IPs from the service CIDR 10.96.0.0/12 and node ports from 30000-32767, as the API server's
/// allocators do (randomly, never twice). 10.96.0.1 and 10.96.0.10 stay free for the kubernetes and DNS services.
/// </summary>
internal sealed class ServiceAddressAllocator
{
    public const string ServiceCidr = "10.96.0.0/12";
    public const int FirstNodePort = 30000;
    public const int LastNodePort = 32767;

    private const uint NetworkBase = (10u << 24) | (96u << 16);
    private const uint NetworkSize = 1u << 20;

    private readonly object _gate = new();
    private readonly HashSet<uint> _addresses = [NetworkBase + 1, NetworkBase + 10];
    private readonly HashSet<int> _nodePorts = [];

    public string AllocateClusterIp()
    {
        lock (_gate)
        {
            while (true)
            {
                var candidate = NetworkBase + 11 + (uint)Random.Shared.NextInt64(NetworkSize - 12);
                if (_addresses.Add(candidate))
                {
                    return new IPAddress(BitConverter.IsLittleEndian ? ReverseBytes(candidate) : candidate).ToString();
                }
            }
        }
    }

    /// <summary>Records an address the user chose; one outside the service CIDR is refused.</summary>
    public V1StatusCause? Claim(string clusterIp, string field)
    {
        if (clusterIp == "None")
        {
            return null;
        }

        if (!IPAddress.TryParse(clusterIp, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return FieldErrors.InvalidCause(field, GoValue.Quote(clusterIp), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }

        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        if (value - NetworkBase >= NetworkSize)
        {
            return FieldErrors.InvalidCause(
                field,
                GoValue.Quote(clusterIp),
                $"failed to allocate IP {clusterIp}: the provided IP ({clusterIp}) is not in the valid range. The range of valid IPs is {ServiceCidr}");
        }

        lock (_gate)
        {
            _addresses.Add(value);
        }

        return null;
    }

    public int AllocateNodePort()
    {
        lock (_gate)
        {
            while (true)
            {
                var candidate = Random.Shared.Next(FirstNodePort, LastNodePort + 1);
                if (_nodePorts.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }

    public V1StatusCause? ClaimNodePort(int port, string field)
    {
        if (port is < FirstNodePort or > LastNodePort)
        {
            return FieldErrors.InvalidCause(field, GoValue.Int(port), $"provided port is not in the valid range. The range of valid ports is {FirstNodePort}-{LastNodePort}");
        }

        lock (_gate)
        {
            _nodePorts.Add(port);
        }

        return null;
    }

    private static uint ReverseBytes(uint value) =>
        ((value & 0xFF) << 24) | ((value & 0xFF00) << 8) | ((value >> 8) & 0xFF00) | (value >> 24);
}
