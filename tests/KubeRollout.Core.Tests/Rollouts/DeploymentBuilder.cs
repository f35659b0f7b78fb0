using k8s.Models;

namespace KubeRollout.Core.Tests.Rollouts;

/// <summary>Deployments and ReplicaSets as the API returns them, for the pure rollout logic.</summary>
internal static class DeploymentBuilder
{
    public const string Uid = "11111111-2222-3333-4444-555555555555";

    public static V1PodTemplateSpec Template(string image, string? hash = null, IDictionary<string, string>? annotations = null)
    {
        var labels = new Dictionary<string, string> { ["app"] = "vweb" };
        if (hash is not null)
        {
            labels["pod-template-hash"] = hash;
        }

        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels, Annotations = annotations },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image, ImagePullPolicy = "IfNotPresent" }] },
        };
    }

    public static V1Deployment Deployment(string image, int replicas = 3, long generation = 1, long observed = 1, bool paused = false, V1DeploymentStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "vweb",
            NamespaceProperty = "default",
            Uid = Uid,
            Generation = generation,
            Annotations = new Dictionary<string, string>
            {
                ["deployment.kubernetes.io/revision"] = "3",
                ["kubectl.kubernetes.io/last-applied-configuration"] = "{\"v\":3}",
                ["kubernetes.io/change-cause"] = "v3",
            },
        },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Paused = paused ? true : null,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "vweb" } },
            Template = Template(image),
        },
        Status = status ?? new V1DeploymentStatus { ObservedGeneration = observed },
    };

    public static V1ReplicaSet ReplicaSet(string hash, string image, long revision, int replicas = 0, string? cause = null, string? history = null, string? owner = Uid, int minutesAgo = 10)
    {
        var annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (cause is not null)
        {
            annotations["kubernetes.io/change-cause"] = cause;
        }

        if (history is not null)
        {
            annotations["deployment.kubernetes.io/revision-history"] = history;
        }

        return new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"vweb-{hash}",
                NamespaceProperty = "default",
                CreationTimestamp = DateTime.UtcNow.AddMinutes(-minutesAgo),
                Labels = new Dictionary<string, string> { ["app"] = "vweb", ["pod-template-hash"] = hash },
                Annotations = annotations,
                OwnerReferences = owner is null ? null : [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "vweb", Uid = owner, Controller = true }],
            },
            Spec = new V1ReplicaSetSpec { Replicas = replicas, Template = Template(image, hash) },
        };
    }
}
