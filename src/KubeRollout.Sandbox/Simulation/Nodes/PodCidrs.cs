using System.Net;

namespace KubeRollout.Sandbox.Simulation.Nodes;

/// <summary>
/// The address plan of the simulated cluster: node k (from 0) gets the pod range 10.244.0.0/20 + k·4096 (4,094 pod
/// addresses, enough for its pod capacity) and the node address 172.18.0.(k+2), as a kind cluster would.
/// </summary>
public static class PodCidrs
{
    public const int PrefixLength = 20;
    private const uint FirstPodRange = (10u << 24) | (244u << 16);
    private const uint BlockSize = 1u << (32 - PrefixLength);

    public static string PodCidrFor(int index) => $"{ToAddress(FirstPodRange + ((uint)index * BlockSize))}/{PrefixLength}";

    public static string NodeAddressFor(int index) => $"172.18.0.{index + 2}";

    /// <summary>The block index of a pod CIDR of this plan, or null.</summary>
    public static int? IndexOf(string? podCidr)
    {
        if (podCidr?.Split('/') is not [var address, var prefix] || prefix != PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || !IPAddress.TryParse(address, out var ip))
        {
            return null;
        }

        var value = ToUInt(ip);
        return value < FirstPodRange || (value - FirstPodRange) % BlockSize != 0 ? null : (int)((value - FirstPodRange) / BlockSize);
    }

    public static uint ToUInt(IPAddress ip)
    {
        var bytes = ip.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    public static string ToAddress(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
