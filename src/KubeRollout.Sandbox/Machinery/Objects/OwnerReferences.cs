using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Machinery.Objects;

/// <summary>ownerReferences as the API machinery reads and writes them (metav1.GetControllerOf, NewControllerRef).</summary>
public static class OwnerReferences
{
    public static V1OwnerReference? ControllerOf(V1ObjectMeta meta)
    {
        if (meta.OwnerReferences is null)
        {
            return null;
        }

        foreach (var reference in meta.OwnerReferences)
        {
            if (reference.Controller == true)
            {
                return reference;
            }
        }

        return null;
    }

    public static bool IsControlledBy(V1ObjectMeta meta, IKubernetesObject<V1ObjectMeta> owner) =>
        ControllerOf(meta)?.Uid is { } uid && uid == owner.Metadata.Uid;

    /// <summary>The reference a controller puts on what it creates (controller and blockOwnerDeletion set).</summary>
    public static V1OwnerReference NewControllerRef(IKubernetesObject<V1ObjectMeta> owner, string apiVersion, string kind) =>
        new()
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = owner.Metadata.Name,
            Uid = owner.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
}
