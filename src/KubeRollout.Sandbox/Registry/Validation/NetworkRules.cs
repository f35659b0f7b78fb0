using System.Net;
using System.Net.Sockets;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>The address and protocol rules of endpoints (pkg/apis/core/validation, pkg/apis/discovery/validation).</summary>
internal static class NetworkRules
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void Protocol(string? protocol, string path, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(protocol))
        {
            errors.Required(path);
        }
        else if (!Protocols.Contains(protocol))
        {
            errors.NotSupported(path, GoValue.Quote(protocol), Protocols);
        }
    }

    /// <summary>An address of the family in its canonical text (Go's netip rejects what .NET would accept, e.g. "10.1").</summary>
    public static bool IsIp(string? text, AddressFamily family) =>
        text is { Length: > 0 }
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == family
        && (family == AddressFamily.InterNetworkV6 || address.ToString() == text);

    public static bool IsIp(string? text) => IsIp(text, AddressFamily.InterNetwork) || IsIp(text, AddressFamily.InterNetworkV6);
}
