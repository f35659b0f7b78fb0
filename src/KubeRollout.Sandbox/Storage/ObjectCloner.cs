using k8s;

namespace KubeRollout.Sandbox.Storage;

/// <summary>Deep copies of model objects, so that stored snapshots are never changed in place.</summary>
public static class ObjectCloner
{
    /// <summary>Copies by the object's runtime type (the static type may be an interface such as IKubernetesObject).</summary>
    public static T Clone<T>(T obj)
        where T : class =>
        (T)ModelJson.Deserialize(KubernetesJson.Serialize(obj), obj.GetType());
}
