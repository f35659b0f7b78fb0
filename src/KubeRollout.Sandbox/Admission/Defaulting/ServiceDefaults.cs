using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>
/// Service defaults and the allocations the API server makes on create (cluster IP, node ports); an update that
/// leaves them out keeps the allocated ones, as the API server's service registry does.
/// </summary>
internal sealed class ServiceDefaults(ServiceAddressAllocator allocator)
{
    public IReadOnlyList<V1StatusCause> Apply(V1Service service, V1Service? old)
    {
        var causes = new List<V1StatusCause>();
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
            AllocateClusterIp(spec, old?.Spec, causes);
        }

        if (spec.Type is "NodePort" or "LoadBalancer")
        {
            spec.ExternalTrafficPolicy ??= "Cluster";
            if (spec.Type == "LoadBalancer")
            {
                spec.AllocateLoadBalancerNodePorts ??= true;
            }

            AllocateNodePorts(spec, old?.Spec, causes);
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
        return causes;
    }

    private void AllocateClusterIp(V1ServiceSpec spec, V1ServiceSpec? old, List<V1StatusCause> causes)
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
            spec.ClusterIP = allocator.AllocateClusterIp();
        }
        else if (spec.ClusterIP != old?.ClusterIP && allocator.Claim(spec.ClusterIP, "spec.clusterIPs[0]") is { } cause)
        {
            causes.Add(cause);
        }

        if (spec.ClusterIPs is not { Count: > 0 })
        {
            spec.ClusterIPs = [spec.ClusterIP];
        }
    }

    private void AllocateNodePorts(V1ServiceSpec spec, V1ServiceSpec? old, List<V1StatusCause> causes)
    {
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0)
            {
                port.NodePort = old?.Ports?.FirstOrDefault(o => o.Port == port.Port && (o.Protocol ?? "TCP") == port.Protocol)?.NodePort
                    ?? allocator.AllocateNodePort();
            }
            else if (old?.Ports?.Any(o => o.NodePort == port.NodePort) != true
                && allocator.ClaimNodePort(port.NodePort.Value, $"spec.ports[{i}].nodePort") is { } cause)
            {
                causes.Add(cause);
            }
        }
    }
}
