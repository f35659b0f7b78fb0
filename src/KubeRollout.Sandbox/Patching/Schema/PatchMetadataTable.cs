using k8s.Models;

namespace KubeRollout.Sandbox.Patching.Schema;

/// <summary>
/// The patch metadata of the served types, from the Kubernetes struct tags (<c>patchStrategy</c>,
/// <c>patchMergeKey</c>, <c>+listType</c>, <c>+listMapKey</c>, <c>+mapType</c>, <c>+structType</c>).
/// Fields not listed here are plain: objects merge recursively and lists are atomic.
/// </summary>
public static class PatchMetadataTable
{
    private static readonly FieldPatchMetadata MergeByName = Keyed("name");
    private static readonly FieldPatchMetadata MergeByType = Keyed("type");
    private static readonly FieldPatchMetadata AtomicList = new() { ApplyList = ApplyListType.Atomic };
    private static readonly FieldPatchMetadata AtomicMap = new() { Atomic = true };

    private static readonly FieldPatchMetadata ContainerPorts = Keyed("containerPort") with
    {
        ApplyKeys = ["containerPort", "protocol"],
        ApplyKeyDefaults = new Dictionary<string, object> { ["protocol"] = "TCP" },
    };

    private static readonly FieldPatchMetadata ServicePorts = Keyed("port") with
    {
        ApplyKeys = ["port", "protocol"],
        ApplyKeyDefaults = new Dictionary<string, object> { ["protocol"] = "TCP" },
    };

    private static readonly Dictionary<(Type Model, string Field), FieldPatchMetadata> Fields = new()
    {
        // metadata
        [(typeof(V1ObjectMeta), "finalizers")] = new() { Strategy = PatchStrategy.Merge, ApplyList = ApplyListType.Set },
        [(typeof(V1ObjectMeta), "ownerReferences")] = Keyed("uid"),
        [(typeof(V1ObjectMeta), "managedFields")] = AtomicList,

        // pod spec
        [(typeof(V1PodSpec), "containers")] = MergeByName,
        [(typeof(V1PodSpec), "initContainers")] = MergeByName,
        [(typeof(V1PodSpec), "ephemeralContainers")] = MergeByName,
        [(typeof(V1PodSpec), "volumes")] = MergeByName with { Strategy = PatchStrategy.Merge | PatchStrategy.RetainKeys },
        [(typeof(V1PodSpec), "imagePullSecrets")] = MergeByName,
        [(typeof(V1PodSpec), "hostAliases")] = Keyed("ip"),
        [(typeof(V1PodSpec), "topologySpreadConstraints")] = Keyed("topologyKey") with { ApplyKeys = ["topologyKey", "whenUnsatisfiable"] },
        [(typeof(V1PodSpec), "resourceClaims")] = MergeByName with { Strategy = PatchStrategy.Merge | PatchStrategy.RetainKeys },
        [(typeof(V1PodSpec), "schedulingGates")] = MergeByName,
        [(typeof(V1PodSpec), "nodeSelector")] = AtomicMap,

        // containers
        [(typeof(V1Container), "ports")] = ContainerPorts,
        [(typeof(V1Container), "env")] = MergeByName,
        [(typeof(V1Container), "volumeMounts")] = Keyed("mountPath"),
        [(typeof(V1Container), "volumeDevices")] = Keyed("devicePath"),
        [(typeof(V1EphemeralContainer), "ports")] = ContainerPorts,
        [(typeof(V1EphemeralContainer), "env")] = MergeByName,
        [(typeof(V1EphemeralContainer), "volumeMounts")] = Keyed("mountPath"),
        [(typeof(V1EphemeralContainer), "volumeDevices")] = Keyed("devicePath"),

        // statuses
        [(typeof(V1PodStatus), "conditions")] = MergeByType,
        [(typeof(V1PodStatus), "podIPs")] = Keyed("ip"),
        [(typeof(V1PodStatus), "hostIPs")] = Keyed("ip"),
        [(typeof(V1NodeStatus), "conditions")] = MergeByType,
        [(typeof(V1NodeStatus), "addresses")] = MergeByType,
        [(typeof(V1ServiceStatus), "conditions")] = MergeByType,
        [(typeof(V1NamespaceStatus), "conditions")] = MergeByType,
        [(typeof(V1PersistentVolumeClaimStatus), "conditions")] = MergeByType,
        [(typeof(V1DeploymentStatus), "conditions")] = MergeByType,
        [(typeof(V1ReplicaSetStatus), "conditions")] = MergeByType,
        [(typeof(V1StatefulSetStatus), "conditions")] = MergeByType,
        [(typeof(V1DaemonSetStatus), "conditions")] = MergeByType,

        // services
        [(typeof(V1ServiceSpec), "ports")] = ServicePorts,
        [(typeof(V1ServiceSpec), "selector")] = AtomicMap,

        // workloads: Deployment's strategy clears the other strategy's keys (retainKeys); the
        // updateStrategy of StatefulSets and DaemonSets carries no patch strategy and merges as a plain map.
        [(typeof(V1DeploymentSpec), "strategy")] = new() { Strategy = PatchStrategy.RetainKeys },
    };

    /// <summary>Types that server-side apply owns as a whole (<c>+structType=atomic</c>).</summary>
    private static readonly HashSet<Type> AtomicStructs =
    [
        typeof(V1LabelSelector),
        typeof(V1LocalObjectReference),
        typeof(V1ConfigMapKeySelector),
        typeof(V1SecretKeySelector),
        typeof(V1ObjectFieldSelector),
        typeof(V1ResourceFieldSelector),
        typeof(V1TypedLocalObjectReference),
    ];

    public static FieldPatchMetadata For(Type model, string field) => Fields.GetValueOrDefault((model, field), FieldPatchMetadata.Default);

    public static bool IsAtomicStruct(Type model) => AtomicStructs.Contains(model);

    private static FieldPatchMetadata Keyed(string key) =>
        new() { Strategy = PatchStrategy.Merge, MergeKey = key, ApplyList = ApplyListType.Map, ApplyKeys = [key] };
}
