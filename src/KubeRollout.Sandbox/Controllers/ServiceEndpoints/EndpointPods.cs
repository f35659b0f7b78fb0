using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>What the endpoint controllers read from a pod: whether it belongs in endpoints, its address, its ports.</summary>
public static class EndpointPods
{
    /// <summary>
    /// A pod is listed once it has an IP and until it is terminal (Succeeded or Failed); a pod being deleted only
    /// with <paramref name="includeTerminating"/> (always for EndpointSlices, for Endpoints only with
    /// publishNotReadyAddresses).
    /// </summary>
    public static bool ShouldBeListed(V1Pod pod, bool includeTerminating) =>
        !PodConditions.IsTerminal(pod)
        && (!string.IsNullOrEmpty(pod.Status?.PodIP) || pod.Status?.PodIPs is { Count: > 0 })
        && (includeTerminating || pod.Metadata.DeletionTimestamp is null);

    /// <summary>The pod's first IP of the family (IPv4 or IPv6), as the controllers pick it; null when it has none.</summary>
    public static string? AddressOf(V1Pod pod, string family)
    {
        var wanted = family == "IPv6" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        foreach (var podIp in pod.Status?.PodIPs ?? [])
        {
            if (IPAddress.TryParse(podIp.Ip, out var address) && address.AddressFamily == wanted)
            {
                return address.ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// The container port a Service port reaches on this pod (podutil.FindPort): a number as it is; a name looked up
    /// among the ports of the pod's containers (and of its sidecars) with the same protocol. Null when the pod has
    /// no such port: it is then not an endpoint for that Service port.
    /// </summary>
    public static int? FindPort(V1Pod pod, V1ServicePort servicePort)
    {
        var target = servicePort.TargetPort?.Value;
        if (string.IsNullOrEmpty(target))
        {
            return servicePort.Port;
        }

        if (int.TryParse(target, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var protocol = servicePort.Protocol ?? "TCP";
        var sidecars = (pod.Spec?.InitContainers ?? []).Where(c => c.RestartPolicy == "Always");
        return (pod.Spec?.Containers ?? []).Concat(sidecars)
            .SelectMany(c => c.Ports ?? [])
            .FirstOrDefault(p => p.Name == target && (p.Protocol ?? "TCP") == protocol)?.ContainerPort;
    }

    /// <summary>A pod's hostname is published for the Service its subdomain names (headless Services for StatefulSets).</summary>
    public static bool ShouldSetHostname(V1Pod pod, V1Service service) =>
        !string.IsNullOrEmpty(pod.Spec?.Hostname) && pod.Spec.Subdomain == service.Metadata.Name && pod.Metadata.NamespaceProperty == service.Metadata.NamespaceProperty;

    public static V1ObjectReference TargetRefOf(V1Pod pod) => new()
    {
        Kind = "Pod",
        NamespaceProperty = pod.Metadata.NamespaceProperty,
        Name = pod.Metadata.Name,
        Uid = pod.Metadata.Uid,
    };

    /// <summary>A Service with a cluster IP (not headless, "None", and not yet unallocated).</summary>
    public static bool HasClusterIp(V1Service service) =>
        service.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None";

    /// <summary>The IP family the Service's endpoints use: its first ipFamily, else the family of its cluster IP, else IPv4.</summary>
    public static string FamilyOf(V1Service service) =>
        service.Spec?.IpFamilies is { Count: > 0 } families ? families[0]
        : HasClusterIp(service) && service.Spec!.ClusterIP.Contains(':', StringComparison.Ordinal) ? "IPv6"
        : "IPv4";
}
