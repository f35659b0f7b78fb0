namespace KubeRollout.Sandbox.Machinery.Events;

/// <summary>Who reports an event: the component (deployment-controller, kubelet, …) and, for the kubelet, the node.</summary>
public sealed record EventSource(string Component, string? Host = null)
{
    public static readonly EventSource DeploymentController = new("deployment-controller");
    public static readonly EventSource ReplicaSetController = new("replicaset-controller");
    public static readonly EventSource GarbageCollector = new("garbage-collector-controller");
    public static readonly EventSource Scheduler = new("default-scheduler");
    public static readonly EventSource EndpointController = new("endpoint-controller");
    public static readonly EventSource EndpointSliceController = new("endpoint-slice-controller");

    public static EventSource Kubelet(string nodeName) => new("kubelet", nodeName);
}
