namespace KubeRollout.Sandbox.Storage;

/// <summary>Deep copies of model objects, so that stored snapshots are never changed in place.</summary>
public static class ObjectCloner
{
    /// <summary>Copies through the runtime type, so that T may be an interface such as IKubernetesObject&lt;V1ObjectMeta&gt;.</summary>
    public static T Clone<T>(T obj)
        where T : class =>
        (T)ModelJson.Deserialize(ModelJson.SerializeToUtf8(obj), obj.GetType());
}
