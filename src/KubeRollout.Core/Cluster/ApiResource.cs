using System.Reflection;
using k8s.Models;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Cluster;

/// <summary>Where a kind lives in the REST API: group, version, plural and whether it is namespaced.</summary>
public sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Namespaced, Type ModelType)
{
    // Every built-in kind of Kubernetes 1.35 that is not namespaced (the module applies built-in kinds only, whose
    // model types KubernetesClient has); the others are namespaced.
    private static readonly HashSet<string> ClusterScopedKinds =
    [
        "Namespace", "Node", "PersistentVolume", "ComponentStatus", "ClusterRole", "ClusterRoleBinding", "StorageClass",
        "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass", "CustomResourceDefinition", "APIService",
        "PriorityClass", "RuntimeClass", "IngressClass", "IPAddress", "ServiceCIDR", "CertificateSigningRequest",
        "ClusterTrustBundle", "FlowSchema", "PriorityLevelConfiguration", "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "DeviceClass", "ResourceSlice", "StorageVersion",
        "StorageVersionMigration", "TokenReview", "SelfSubjectReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
        "SubjectAccessReview",
    ];

    public static readonly ApiResource Deployments = For(typeof(V1Deployment));
    public static readonly ApiResource ReplicaSets = For(typeof(V1ReplicaSet));
    public static readonly ApiResource StatefulSets = For(typeof(V1StatefulSet));
    public static readonly ApiResource DaemonSets = For(typeof(V1DaemonSet));
    public static readonly ApiResource ControllerRevisions = For(typeof(V1ControllerRevision));
    public static readonly ApiResource Pods = For(typeof(V1Pod));
    public static readonly ApiResource Services = For(typeof(V1Service));
    public static readonly ApiResource EndpointSlices = For(typeof(V1EndpointSlice));
    public static readonly ApiResource Events = For(typeof(Corev1Event));
    public static readonly ApiResource ConfigMaps = For(typeof(V1ConfigMap));
    public static readonly ApiResource Secrets = For(typeof(V1Secret));
    public static readonly ApiResource Namespaces = For(typeof(V1Namespace));
    public static readonly ApiResource Nodes = For(typeof(V1Node));

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>"deployments.apps" or "pods": how the API names the resource in messages.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public static ApiResource For(Type modelType)
    {
        var entity = modelType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{modelType.Name} is not a Kubernetes model type", nameof(modelType));
        return new(entity.Group ?? string.Empty, entity.ApiVersion, entity.PluralName, entity.Kind, !ClusterScopedKinds.Contains(entity.Kind), modelType);
    }

    public static ApiResource? For(string apiVersion, string kind) =>
        KubernetesModelTypes.Find(apiVersion, kind) is { } type ? For(type) : null;

    public static ApiResource For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => Deployments,
        WorkloadKind.StatefulSet => StatefulSets,
        WorkloadKind.DaemonSet => DaemonSets,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The REST path of the collection or, with a name, of one object (and a subresource).</summary>
    public string PathFor(string? @namespace, string? name = null, string? subresource = null)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        var path = Namespaced && @namespace is not null ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}" : $"{root}/{Plural}";
        if (name is not null)
        {
            path += $"/{Uri.EscapeDataString(name)}";
        }

        return subresource is null ? path : $"{path}/{subresource}";
    }
}
