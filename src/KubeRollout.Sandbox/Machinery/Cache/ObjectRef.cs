using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Machinery.Cache;

/// <summary>An object of any kind: resource plus namespace/name (the garbage collector's work item).</summary>
public readonly record struct ObjectRef(ResourceType Resource, string? Namespace, string Name)
{
    public static ObjectRef Of(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj) =>
        new(resource, obj.Metadata.NamespaceProperty, obj.Metadata.Name);

    public ObjectKey Key => new(Namespace, Name);

    public override string ToString() => $"{Resource.QualifiedName} {Key}";
}
