using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Nodes;

/// <summary>What a simulated node's kubelet reports: labels, capacity, conditions, addresses and node info.</summary>
public static class SimulatedNodeStatus
{
    public const string KubeletVersion = "v1.35.2";
    public const string ContainerRuntimeVersion = "containerd://2.1.3";
    public const int PodCapacity = 4000;

    private static readonly Dictionary<string, string> Capacity = new()
    {
        ["cpu"] = "8",
        ["ephemeral-storage"] = "102626232Ki",
        ["hugepages-1Gi"] = "0",
        ["hugepages-2Mi"] = "0",
        ["memory"] = "32786652Ki",
        ["pods"] = PodCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The labels every node has (the kubelet sets them when it registers).</summary>
    public static Dictionary<string, string> Labels(string nodeName) => new()
    {
        ["beta.kubernetes.io/arch"] = "amd64",
        ["beta.kubernetes.io/os"] = "linux",
        ["kubernetes.io/arch"] = "amd64",
        ["kubernetes.io/hostname"] = nodeName,
        ["kubernetes.io/os"] = "linux",
    };

    public static V1NodeStatus Create(string nodeName, string address, DateTime readySince, DateTime heartbeat) => new()
    {
        Addresses =
        [
            new V1NodeAddress { Type = "InternalIP", Address = address },
            new V1NodeAddress { Type = "Hostname", Address = nodeName },
        ],
        Capacity = Capacity.ToDictionary(p => p.Key, p => new ResourceQuantity(p.Value)),
        Allocatable = Capacity.ToDictionary(p => p.Key, p => new ResourceQuantity(p.Value)),
        Conditions =
        [
            Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", readySince, heartbeat),
            Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", readySince, heartbeat),
            Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", readySince, heartbeat),
            Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", readySince, heartbeat),
        ],
        DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = 10250 } },
        NodeInfo = new V1NodeSystemInfo
        {
            Architecture = "amd64",
            BootID = IdOf("boot", nodeName),
            ContainerRuntimeVersion = ContainerRuntimeVersion,
            KernelVersion = "6.8.0-60-generic",
            KubeProxyVersion = string.Empty,
            KubeletVersion = KubeletVersion,
            MachineID = IdOf("machine", nodeName).Replace("-", string.Empty, StringComparison.Ordinal),
            OperatingSystem = "linux",
            OsImage = "Debian GNU/Linux 12 (bookworm)",
            SystemUUID = IdOf("system", nodeName),
        },
    };

    /// <summary>True when the node carries a status this simulation wrote (else it was created through the API).</summary>
    public static bool IsReported(V1Node node) =>
        node.Status?.NodeInfo?.KubeletVersion == KubeletVersion && node.Status.Conditions?.Any(c => c.Type == "Ready") == true;

    private static V1NodeCondition Condition(string type, string status, string reason, string message, DateTime since, DateTime heartbeat) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastTransitionTime = since,
        LastHeartbeatTime = heartbeat,
    };

    private static string IdOf(string purpose, string nodeName) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(purpose + "/" + nodeName))).ToString();
}
