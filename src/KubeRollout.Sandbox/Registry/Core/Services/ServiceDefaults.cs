using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Services;

/// <summary>
/// Service defaults (SetDefaults_Service and the registry's defaulting of IP families); what the API server
/// allocates (cluster IP, node ports) is <see cref="ServiceAllocations"/>.
/// </summary>
internal static class ServiceDefaults
{
    public static void Apply(V1Service service, V1Service? old)
    {
        var spec = service.Spec ??= new V1ServiceSpec();
        spec.Type ??= "ClusterIP";
        spec.SessionAffinity ??= "None";
        if (spec.SessionAffinity == "ClientIP")
        {
            var config = spec.SessionAffinityConfig ??= new V1SessionAffinityConfig();
            var clientIp = config.ClientIP ??= new V1ClientIPConfig();
            clientIp.TimeoutSeconds ??= 10800;
        }

        foreach (var port in spec.Ports ?? [])
        {
            port.Protocol ??= "TCP";
            if (port.TargetPort is null || string.IsNullOrEmpty(port.TargetPort.Value) || port.TargetPort.Value == "0")
            {
                port.TargetPort = port.Port;
            }
        }

        if (spec.Type != "ExternalName")
        {
            spec.InternalTrafficPolicy ??= "Cluster";
            spec.IpFamilyPolicy ??= old?.Spec?.IpFamilyPolicy ?? "SingleStack";
            spec.IpFamilies ??= old?.Spec?.IpFamilies?.ToList() ?? ["IPv4"];
        }

        if (spec.Type is "NodePort" or "LoadBalancer")
        {
            spec.ExternalTrafficPolicy ??= "Cluster";
            if (spec.Type == "LoadBalancer")
            {
                spec.AllocateLoadBalancerNodePorts ??= true;
            }
        }
        else
        {
            foreach (var port in spec.Ports ?? [])
            {
                port.NodePort = null;
            }
        }

        var status = service.Status ??= new V1ServiceStatus();
        status.LoadBalancer ??= new V1LoadBalancerStatus();
    }
}
