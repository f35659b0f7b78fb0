using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Validation;

/// <summary>
/// core/v1 Endpoints and discovery.k8s.io/v1 EndpointSlice validation (pkg/apis/core/validation and
/// pkg/apis/discovery/validation): address types, addresses, ports and the limits of a slice.
/// </summary>
internal static class EndpointsValidation
{
    private const int MaxEndpoints = 1000;
    private const int MaxAddresses = 100;
    private const int MaxPorts = 100;
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void Validate(V1Endpoints endpoints, FieldErrors errors)
    {
        MetadataRules.Validate(endpoints.Metadata, NameRules.Dns1123Subdomain, errors);
        var subsets = endpoints.Subsets ?? [];
        for (var i = 0; i < subsets.Count; i++)
        {
            var path = $"subsets[{i}]";
            ValidateAddresses(subsets[i].Addresses, $"{path}.addresses", errors);
            ValidateAddresses(subsets[i].NotReadyAddresses, $"{path}.notReadyAddresses", errors);
            var ports = subsets[i].Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                var port = ports[p];
                var portPath = $"{path}.ports[{p}]";
                if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
                {
                    errors.Required($"{portPath}.name");
                }
                else if (!string.IsNullOrEmpty(port.Name))
                {
                    Each(NameRules.Dns1123Label(port.Name), m => errors.Invalid($"{portPath}.name", GoValue.Quote(port.Name), m));
                }

                Each(NameRules.PortNumber(port.Port), m => errors.Invalid($"{portPath}.port", GoValue.Int(port.Port), m));
                ValidateProtocol(port.Protocol, $"{portPath}.protocol", errors);
            }
        }
    }

    public static void Validate(V1EndpointSlice slice, V1EndpointSlice? old, FieldErrors errors)
    {
        MetadataRules.Validate(slice.Metadata, NameRules.Dns1123Subdomain, errors);
        if (string.IsNullOrEmpty(slice.AddressType))
        {
            errors.Required("addressType");
        }
        else if (!AddressTypes.Contains(slice.AddressType) && !(old is not null && slice.AddressType == "IP"))
        {
            errors.NotSupported("addressType", GoValue.Quote(slice.AddressType), AddressTypes);
        }

        if (old is not null && slice.AddressType != old.AddressType)
        {
            errors.Invalid("addressType", GoValue.Quote(slice.AddressType), "field is immutable");
        }

        ValidateEndpoints(slice.Endpoints ?? [], slice.AddressType, errors);
        ValidatePorts(slice.Ports ?? [], errors);
    }

    private static void ValidateEndpoints(IList<V1Endpoint> endpoints, string? addressType, FieldErrors errors)
    {
        if (endpoints.Count > MaxEndpoints)
        {
            errors.TooMany("endpoints", endpoints.Count, MaxEndpoints);
            return;
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var path = $"endpoints[{i}].addresses";
            var addresses = endpoints[i].Addresses ?? [];
            if (addresses.Count == 0)
            {
                errors.Required(path, "must contain at least 1 address");
            }
            else if (addresses.Count > MaxAddresses)
            {
                errors.TooMany(path, addresses.Count, MaxAddresses);
            }

            for (var a = 0; a < addresses.Count; a++)
            {
                var family = addressType switch { "IPv4" => AddressFamily.InterNetwork, "IPv6" => AddressFamily.InterNetworkV6, _ => (AddressFamily?)null };
                if (family is { } wanted && !IsIp(addresses[a], wanted))
                {
                    errors.Invalid($"{path}[{a}]", GoValue.Quote(addresses[a]), $"must be a valid {addressType} address");
                }
            }

            if (endpoints[i].Hostname is { } hostname)
            {
                Each(NameRules.Dns1123Label(hostname), m => errors.Invalid($"endpoints[{i}].hostname", GoValue.Quote(hostname), m));
            }
        }
    }

    private static void ValidatePorts(IList<Discoveryv1EndpointPort> ports, FieldErrors errors)
    {
        if (ports.Count > MaxPorts)
        {
            errors.TooMany("ports", ports.Count, MaxPorts);
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var name = ports[i].Name ?? string.Empty;
            if (name.Length > 0)
            {
                Each(NameRules.Dns1123Label(name), m => errors.Invalid($"ports[{i}].name", GoValue.Quote(name), m));
            }

            if (!names.Add(name))
            {
                errors.Duplicate($"ports[{i}].name", GoValue.Quote(name));
            }

            ValidateProtocol(ports[i].Protocol, $"ports[{i}].protocol", errors);
        }
    }

    private static void ValidateAddresses(IList<V1EndpointAddress>? addresses, string path, FieldErrors errors)
    {
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            var ip = addresses![i].Ip;
            if (!IsIp(ip, AddressFamily.InterNetwork) && !IsIp(ip, AddressFamily.InterNetworkV6))
            {
                errors.Invalid($"{path}[{i}].ip", GoValue.Quote(ip), "must be a valid IP address");
            }
        }
    }

    private static void ValidateProtocol(string? protocol, string path, FieldErrors errors)
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
    private static bool IsIp(string? text, AddressFamily family) =>
        text is { Length: > 0 }
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == family
        && (family == AddressFamily.InterNetworkV6 || address.ToString() == text);

    private static void Each(IEnumerable<string> messages, Action<string> add)
    {
        foreach (var message in messages)
        {
            add(message);
        }
    }
}
