using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

/// <summary>StatefulSets as a user writes them (the registry fills in the defaults).</summary>
public static class StatefulSetManifests
{
    public static V1StatefulSet StatefulSet(
        string name, int replicas, string image = "postgres:11.6-alpine", string? strategy = null, int? partition = null, string? maxUnavailable = null,
        string? podManagementPolicy = null, int? revisionHistoryLimit = null, bool withClaim = false) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            ServiceName = name,
            PodManagementPolicy = podManagementPolicy,
            RevisionHistoryLimit = revisionHistoryLimit,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            UpdateStrategy = strategy is null && partition is null && maxUnavailable is null
                ? null
                : new V1StatefulSetUpdateStrategy
                {
                    Type = strategy ?? "RollingUpdate",
                    RollingUpdate = partition is null && maxUnavailable is null ? null : new V1RollingUpdateStatefulSetStrategy { Partition = partition, MaxUnavailable = maxUnavailable },
                },
            Template = Manifests.PodTemplate(name, image, null),
            VolumeClaimTemplates = withClaim
                ?
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity("50Mi") } },
                        },
                    },
                ]
                : null,
        },
    };
}
