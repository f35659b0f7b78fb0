using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>A committed change: the object as it is after the change (for Deleted: as it was, with the deletion's resourceVersion).</summary>
public sealed record StoreEvent(WatchEventType Type, ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object, long ResourceVersion);
