using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>Every resource the sandbox serves, as discovery lists them.</summary>
public static class ResourceTypes
{
    public static readonly ResourceType Namespaces = new("", "v1", "namespaces", "namespace", "Namespace", false, typeof(V1Namespace), ["ns"], ["status"], []);
    public static readonly ResourceType Nodes = new("", "v1", "nodes", "node", "Node", false, typeof(V1Node), ["no"], ["status"], []);
    public static readonly ResourceType Pods = new("", "v1", "pods", "pod", "Pod", true, typeof(V1Pod), ["po"], ["status"], ["all"]);
    public static readonly ResourceType Services = new("", "v1", "services", "service", "Service", true, typeof(V1Service), ["svc"], ["status"], ["all"]);
    public static readonly ResourceType ConfigMaps = new("", "v1", "configmaps", "configmap", "ConfigMap", true, typeof(V1ConfigMap), ["cm"], [], []);
    public static readonly ResourceType Secrets = new("", "v1", "secrets", "secret", "Secret", true, typeof(V1Secret), [], [], []);
    public static readonly ResourceType Events = new("", "v1", "events", "event", "Event", true, typeof(Corev1Event), ["ev"], [], []);
    public static readonly ResourceType PersistentVolumeClaims = new("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, typeof(V1PersistentVolumeClaim), ["pvc"], ["status"], []);
    public static readonly ResourceType Deployments = new("apps", "v1", "deployments", "deployment", "Deployment", true, typeof(V1Deployment), ["deploy"], ["status", "scale"], ["all"]);
    public static readonly ResourceType ReplicaSets = new("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, typeof(V1ReplicaSet), ["rs"], ["status", "scale"], ["all"]);
    public static readonly ResourceType StatefulSets = new("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, typeof(V1StatefulSet), ["sts"], ["status", "scale"], ["all"]);
    public static readonly ResourceType DaemonSets = new("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, typeof(V1DaemonSet), ["ds"], ["status"], ["all"]);
    public static readonly ResourceType ControllerRevisions = new("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", true, typeof(V1ControllerRevision), [], [], []);

    /// <summary>Deprecated since 1.33: every request is answered with a warning that points to EndpointSlices.</summary>
    public static readonly ResourceType Endpoints = new("", "v1", "endpoints", "endpoints", "Endpoints", true, typeof(V1Endpoints), ["ep"], [], [])
    {
        Warning = "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
    };

    public static readonly ResourceType EndpointSlices = new("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true, typeof(V1EndpointSlice), [], [], []);

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespaces, Nodes, Pods, Services, ConfigMaps, Secrets, Events, PersistentVolumeClaims,
        Deployments, ReplicaSets, StatefulSets, DaemonSets, ControllerRevisions, Endpoints, EndpointSlices,
    ];

    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public static ResourceType ForModel(Type modelType) =>
        All.FirstOrDefault(r => r.ModelType == modelType)
        ?? throw new ArgumentException($"{modelType.Name} is not a resource the sandbox serves", nameof(modelType));

    public static ResourceType? ForKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);
}
