using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Controllers.Support;

/// <summary>Minimal objects as a user writes them (the registry fills in the defaults).</summary>
public static class Manifests
{
    public static V1Deployment Deployment(
        string name,
        int? replicas = 3,
        string image = "kiamol/ch09-vweb:v1",
        string? strategy = null,
        string? maxSurge = null,
        string? maxUnavailable = null,
        int? minReadySeconds = null,
        int? progressDeadlineSeconds = null,
        int? revisionHistoryLimit = null,
        IDictionary<string, string>? podAnnotations = null) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            MinReadySeconds = minReadySeconds,
            ProgressDeadlineSeconds = progressDeadlineSeconds,
            RevisionHistoryLimit = revisionHistoryLimit,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Strategy = strategy is null && maxSurge is null && maxUnavailable is null
                ? null
                : new V1DeploymentStrategy
                {
                    Type = strategy ?? "RollingUpdate",
                    RollingUpdate = maxSurge is null && maxUnavailable is null
                        ? null
                        : new V1RollingUpdateDeployment { MaxSurge = maxSurge, MaxUnavailable = maxUnavailable },
                },
            Template = PodTemplate(name, image, podAnnotations),
        },
    };

    public static V1ReplicaSet ReplicaSet(string name, int? replicas, string image = "kiamol/ch09-vweb:v1", int? minReadySeconds = null) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "ReplicaSet",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
        Spec = new V1ReplicaSetSpec
        {
            Replicas = replicas,
            MinReadySeconds = minReadySeconds,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = PodTemplate(name, image, null),
        },
    };

    public static V1Pod Pod(string name, string image = "nginx:1.27", IDictionary<string, string>? labels = null, IDictionary<string, string>? annotations = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = TestCluster.Namespace,
            Labels = labels,
            Annotations = annotations,
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image }] },
    };

    public static V1PodTemplateSpec PodTemplate(string app, string image, IDictionary<string, string>? annotations) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Labels = new Dictionary<string, string> { ["app"] = app },
            Annotations = annotations is null ? null : new Dictionary<string, string>(annotations),
        },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "web", Image = image, Ports = [new V1ContainerPort { Name = "http", ContainerPort = 80 }] }],
        },
    };
}
