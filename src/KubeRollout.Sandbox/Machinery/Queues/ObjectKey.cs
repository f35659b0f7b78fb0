using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Machinery.Queues;

/// <summary>namespace/name of an object of a known kind: the key of a controller's work queue.</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj) => new(obj.Metadata.NamespaceProperty, obj.Metadata.Name);

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
