using System.Net.Sockets;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Discovery.EndpointSlices;

/// <summary>
/// discovery.k8s.io/v1 EndpointSlice validation (pkg/apis/discovery/validation): the address type (immutable), at most
/// 1000 endpoints of 1 to 100 addresses of that type, at most 100 ports with unique names.
/// </summary>
internal static class EndpointSliceValidation
{
    private const int MaxEndpoints = 1000;
    private const int MaxAddresses = 100;
    private const int MaxPorts = 100;
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];

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

        var family = addressType switch { "IPv4" => AddressFamily.InterNetwork, "IPv6" => AddressFamily.InterNetworkV6, _ => (AddressFamily?)null };
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
                if (family is { } wanted && !NetworkRules.IsIp(addresses[a], wanted))
                {
                    errors.Invalid($"{path}[{a}]", GoValue.Quote(addresses[a]), $"must be a valid {addressType} address");
                }
            }

            if (endpoints[i].Hostname is { } hostname)
            {
                foreach (var message in NameRules.Dns1123Label(hostname))
                {
                    errors.Invalid($"endpoints[{i}].hostname", GoValue.Quote(hostname), message);
                }
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
                foreach (var message in NameRules.Dns1123Label(name))
                {
                    errors.Invalid($"ports[{i}].name", GoValue.Quote(name), message);
                }
            }

            if (!names.Add(name))
            {
                errors.Duplicate($"ports[{i}].name", GoValue.Quote(name));
            }

            NetworkRules.Protocol(ports[i].Protocol, $"ports[{i}].protocol", errors);
        }
    }
}
