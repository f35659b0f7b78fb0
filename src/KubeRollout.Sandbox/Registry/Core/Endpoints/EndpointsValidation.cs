using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Core.Endpoints;

/// <summary>core/v1 Endpoints validation (pkg/apis/core/validation ValidateEndpoints): addresses and ports of every subset.</summary>
internal static class EndpointsValidation
{
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
                    foreach (var message in NameRules.Dns1123Label(port.Name))
                    {
                        errors.Invalid($"{portPath}.name", GoValue.Quote(port.Name), message);
                    }
                }

                foreach (var message in NameRules.PortNumber(port.Port))
                {
                    errors.Invalid($"{portPath}.port", GoValue.Int(port.Port), message);
                }

                NetworkRules.Protocol(port.Protocol, $"{portPath}.protocol", errors);
            }
        }
    }

    private static void ValidateAddresses(IList<V1EndpointAddress>? addresses, string path, FieldErrors errors)
    {
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            if (!NetworkRules.IsIp(addresses![i].Ip))
            {
                errors.Invalid($"{path}[{i}].ip", GoValue.Quote(addresses[i].Ip), "must be a valid IP address");
            }
        }
    }
}
