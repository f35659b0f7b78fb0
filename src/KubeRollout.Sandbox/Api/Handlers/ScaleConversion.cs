using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The autoscaling/v1 Scale view of deployments, replica sets, stateful sets and replication controllers.</summary>
internal static class ScaleConversion
{
    public static V1Scale ToScale(IKubernetesObject<V1ObjectMeta> obj)
    {
        var (replicas, selector, statusReplicas) = obj switch
        {
            V1Deployment d => (d.Spec?.Replicas, d.Spec?.Selector, d.Status?.Replicas),
            V1ReplicaSet r => (r.Spec?.Replicas, r.Spec?.Selector, (int?)r.Status?.Replicas),
            V1StatefulSet s => (s.Spec?.Replicas, s.Spec?.Selector, (int?)s.Status?.Replicas),
            V1ReplicationController c => (c.Spec?.Replicas, new V1LabelSelector { MatchLabels = c.Spec?.Selector }, (int?)c.Status?.Replicas),
            _ => throw new ArgumentException($"{obj.Kind} has no scale subresource", nameof(obj)),
        };
        return new V1Scale
        {
            ApiVersion = "autoscaling/v1",
            Kind = "Scale",
            Metadata = new V1ObjectMeta
            {
                Name = obj.Metadata.Name,
                NamespaceProperty = obj.Metadata.NamespaceProperty,
                Uid = obj.Metadata.Uid,
                ResourceVersion = obj.Metadata.ResourceVersion,
                CreationTimestamp = obj.Metadata.CreationTimestamp,
            },
            Spec = new V1ScaleSpec { Replicas = replicas ?? 1 },
            Status = new V1ScaleStatus { Replicas = statusReplicas ?? 0, Selector = LabelSelectorText.Format(selector) },
        };
    }

    /// <summary>A copy of <paramref name="obj"/> with spec.replicas set.</summary>
    public static IKubernetesObject<V1ObjectMeta> WithReplicas(IKubernetesObject<V1ObjectMeta> obj, int replicas)
    {
        var copy = ObjectCloner.Clone(obj);
        switch (copy)
        {
            case V1Deployment d:
                (d.Spec ??= new V1DeploymentSpec()).Replicas = replicas;
                break;
            case V1ReplicaSet r:
                (r.Spec ??= new V1ReplicaSetSpec()).Replicas = replicas;
                break;
            case V1StatefulSet s:
                (s.Spec ??= new V1StatefulSetSpec()).Replicas = replicas;
                break;
            case V1ReplicationController c:
                (c.Spec ??= new V1ReplicationControllerSpec()).Replicas = replicas;
                break;
        }

        return copy;
    }
}
