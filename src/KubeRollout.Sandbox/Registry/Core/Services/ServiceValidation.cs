using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Core.Services;

/// <summary>Service validation: type, ports, selector, and the cluster IP that may not change once set.</summary>
internal static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void Validate(V1Service service, V1Service? old, FieldErrors errors)
    {
        MetadataRules.Validate(service.Metadata, NameRules.Dns1035Label, errors);
        var spec = service.Spec ?? new V1ServiceSpec();
        if (spec.Type is { } type && !Types.Contains(type))
        {
            errors.NotSupported("spec.type", GoValue.Quote(type), Types);
        }

        var headless = spec.ClusterIP == "None";
        var ports = spec.Ports ?? [];
        if (ports.Count == 0 && !headless && spec.Type != "ExternalName")
        {
            errors.Required("spec.ports");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            ValidatePort(ports[i], $"spec.ports[{i}]", ports.Count > 1, names, errors);
        }

        MetadataRules.Labels(spec.Selector, errors, "spec.selector");

        if (old?.Spec?.ClusterIP is { Length: > 0 } oldIp && spec.Type != "ExternalName" && old.Spec.Type != "ExternalName" && spec.ClusterIP != oldIp)
        {
            errors.Invalid("spec.clusterIPs[0]", GoValue.Quote(spec.ClusterIP), "may not change once set");
        }
    }

    private static void ValidatePort(V1ServicePort port, string path, bool nameRequired, HashSet<string> names, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(port.Name))
        {
            if (nameRequired)
            {
                errors.Required($"{path}.name");
            }
        }
        else
        {
            foreach (var message in NameRules.Dns1123Label(port.Name))
            {
                errors.Invalid($"{path}.name", GoValue.Quote(port.Name), message);
            }

            if (!names.Add(port.Name))
            {
                errors.Duplicate($"{path}.name", GoValue.Quote(port.Name));
            }
        }

        foreach (var message in NameRules.PortNumber(port.Port))
        {
            errors.Invalid($"{path}.port", GoValue.Int(port.Port), message);
        }

        if (string.IsNullOrEmpty(port.Protocol))
        {
            errors.Required($"{path}.protocol");
        }
        else if (!Protocols.Contains(port.Protocol))
        {
            errors.NotSupported($"{path}.protocol", GoValue.Quote(port.Protocol), Protocols);
        }

        var target = port.TargetPort?.Value;
        if (target is not null)
        {
            if (int.TryParse(target, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                foreach (var message in NameRules.PortNumber(number))
                {
                    errors.Invalid($"{path}.targetPort", GoValue.Int(number), message);
                }
            }
            else
            {
                foreach (var message in NameRules.PortName(target))
                {
                    errors.Invalid($"{path}.targetPort", GoValue.Quote(target), message);
                }
            }
        }
    }
}
