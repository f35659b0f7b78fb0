using k8s.Models;
using KubeRollout.Core.Releases.BlueGreen;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

/// <summary>
/// A namespace as the API returns it for blue-green decisions: Deployments with their ReplicaSet and pods (owned by
/// controller references), a Service and the EndpointSlice its controller would have written.
/// </summary>
internal sealed class BlueGreenCluster
{
    private readonly List<V1Deployment> _deployments = [];
    private readonly List<V1ReplicaSet> _replicaSets = [];
    private readonly List<V1Pod> _pods = [];
    private int _ip;

    public V1Service Service { get; private set; } = NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "blue" });

    public static V1Service NewService(string name, Dictionary<string, string>? selector, string? history = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "default",
            Uid = $"svc-{name}",
            ResourceVersion = "41",
            Annotations = history is null ? null : new Dictionary<string, string> { [BlueGreenHistory.Annotation] = history },
        },
        Spec = new V1ServiceSpec { Selector = selector, Ports = [new V1ServicePort { Port = 8090, TargetPort = "http" }] },
    };

    public BlueGreenCluster WithService(V1Service service)
    {
        Service = service;
        return this;
    }

    /// <summary>
    /// A side: a Deployment selecting app and slot, its template adding version and a container port named
    /// <paramref name="portName"/>, with ready pods unless told otherwise.
    /// </summary>
    public BlueGreenCluster Side(string name, string slot, int replicas = 3, int ready = -1, bool rolledOut = true, Dictionary<string, string>? podLabels = null, Dictionary<string, string>? selector = null, string portName = "http")
    {
        ready = ready < 0 ? replicas : ready;
        var labels = podLabels ?? new Dictionary<string, string> { ["app"] = "vweb", ["slot"] = slot, ["version"] = $"{slot}-1" };
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = $"uid-{name}", Generation = 2, Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = "2" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = selector ?? new Dictionary<string, string> { ["app"] = "vweb", ["slot"] = slot } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = $"nginx:{slot}", Ports = [new V1ContainerPort { Name = portName, ContainerPort = 80 }] }] },
                },
            },
            Status = new V1DeploymentStatus
            {
                ObservedGeneration = rolledOut ? 2 : 1,
                Replicas = replicas,
                UpdatedReplicas = rolledOut ? replicas : 0,
                ReadyReplicas = ready,
                AvailableReplicas = ready,
            },
        };
        var replicaSet = new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{name}-abc",
                NamespaceProperty = "default",
                Uid = $"uid-{name}-rs",
                OwnerReferences = [new V1OwnerReference { Kind = "Deployment", Name = name, Uid = deployment.Metadata.Uid, Controller = true }],
            },
        };
        _deployments.Add(deployment);
        _replicaSets.Add(replicaSet);
        for (var i = 0; i < replicas; i++)
        {
            _pods.Add(Pod($"{name}-abc-{i}", new Dictionary<string, string>(labels) { ["pod-template-hash"] = "abc" }, replicaSet.Metadata.Uid, i < ready, deployment.Spec.Template.Spec.Containers));
        }

        return this;
    }

    /// <summary>A pod of no Deployment (a bare pod, or one of another controller).</summary>
    public BlueGreenCluster BarePod(string name, Dictionary<string, string> labels)
    {
        _pods.Add(Pod(name, labels, ownerUid: null, ready: true, [new V1Container { Name = "web", Ports = [new V1ContainerPort { Name = "http", ContainerPort = 80 }] }]));
        return this;
    }

    /// <summary>The state, with EndpointSlices listing the pods the Service's selector matches, as the controller keeps them.</summary>
    public BlueGreenState State()
    {
        var selector = Service.Spec.Selector ?? new Dictionary<string, string>();
        var endpoints = _pods
            .Where(p => selector.Count > 0 && selector.All(s => p.Metadata.Labels.TryGetValue(s.Key, out var v) && v == s.Value))
            .Select(p => new V1Endpoint
            {
                Addresses = [p.Status.PodIP],
                Conditions = new V1EndpointConditions { Ready = p.Status.Conditions[0].Status == "True", Serving = p.Status.Conditions[0].Status == "True", Terminating = false },
                TargetRef = new V1ObjectReference { Kind = "Pod", Name = p.Metadata.Name },
            })
            .ToList();
        var slice = new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "vweb-xyz12" }, AddressType = "IPv4", Endpoints = endpoints };
        return new BlueGreenState(Service, _deployments, _replicaSets, _pods, [slice]);
    }

    private V1Pod Pod(string name, Dictionary<string, string> labels, string? ownerUid, bool ready, IList<V1Container> containers) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "default",
            Labels = labels,
            OwnerReferences = ownerUid is null ? null : [new V1OwnerReference { Kind = "ReplicaSet", Uid = ownerUid, Controller = true }],
        },
        Spec = new V1PodSpec { NodeName = "node-1", Containers = containers },
        Status = new V1PodStatus { PodIP = $"10.244.0.{++_ip}", Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };
}
