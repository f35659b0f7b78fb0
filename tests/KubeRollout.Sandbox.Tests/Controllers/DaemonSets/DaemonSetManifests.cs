using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.DaemonSets;

/// <summary>DaemonSets as a user writes them (the registry fills in the defaults).</summary>
public static class DaemonSetManifests
{
    public static V1DaemonSet DaemonSet(
        string name, string image = "nginx:1.17-alpine", string? strategy = null, string? maxUnavailable = null, string? maxSurge = null,
        IDictionary<string, string>? nodeSelector = null, int? revisionHistoryLimit = null)
    {
        var template = Manifests.PodTemplate(name, image, null);
        template.Spec.NodeSelector = nodeSelector;
        return new V1DaemonSet
        {
            ApiVersion = "apps/v1",
            Kind = "DaemonSet",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
            Spec = new V1DaemonSetSpec
            {
                RevisionHistoryLimit = revisionHistoryLimit,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                UpdateStrategy = strategy is null && maxUnavailable is null && maxSurge is null
                    ? null
                    : new V1DaemonSetUpdateStrategy
                    {
                        Type = strategy ?? "RollingUpdate",
                        RollingUpdate = maxUnavailable is null && maxSurge is null ? null : new V1RollingUpdateDaemonSet { MaxUnavailable = maxUnavailable, MaxSurge = maxSurge },
                    },
                Template = template,
            },
        };
    }
}
