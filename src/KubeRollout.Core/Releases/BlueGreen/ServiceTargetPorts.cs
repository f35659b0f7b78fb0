using System.Globalization;
using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// Which ports of a Service a pod cannot serve: a targetPort given by name is looked up in the pod's container ports
/// (name and protocol, as the endpoint controllers' FindPort does), and a pod without it gets no endpoint for that
/// port. A numeric targetPort needs no lookup (pure).
/// </summary>
public static class ServiceTargetPorts
{
    /// <summary>One line per Service port the pod cannot serve, naming the port and the container port it wants.</summary>
    public static IReadOnlyList<string> Unresolved(V1Service service, V1Pod pod) =>
        (service.Spec?.Ports ?? [])
            .Where(port => port.TargetPort?.Value is { } target && !IsNumber(target) && !Has(pod, target, port.Protocol ?? "TCP"))
            .Select(port => $"port {(string.IsNullOrEmpty(port.Name) ? string.Empty : port.Name + " ")}{port.Port.ToString(CultureInfo.InvariantCulture)}/{port.Protocol ?? "TCP"} targets the container port named {port.TargetPort!.Value}")
            .ToList();

    /// <summary>The named container ports of a pod, as "name number/protocol".</summary>
    public static string NamedPorts(V1Pod pod)
    {
        var named = Ports(pod).Where(p => !string.IsNullOrEmpty(p.Name)).Select(p => $"{p.Name} {p.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{p.Protocol ?? "TCP"}").ToList();
        return named.Count == 0 ? "none named" : string.Join(", ", named);
    }

    private static bool Has(V1Pod pod, string name, string protocol) =>
        Ports(pod).Any(p => p.Name == name && (p.Protocol ?? "TCP") == protocol);

    private static IEnumerable<V1ContainerPort> Ports(V1Pod pod) => (pod.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []);

    private static bool IsNumber(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
