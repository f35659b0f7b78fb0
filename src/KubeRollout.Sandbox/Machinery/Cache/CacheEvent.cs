using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Machinery.Cache;

/// <summary>A change the cache applied: the object after it (for Deleted: the last state) and, for updates, the state before.</summary>
public sealed record CacheEvent(
    WatchEventType Type,
    ResourceType Resource,
    IKubernetesObject<V1ObjectMeta> Object,
    IKubernetesObject<V1ObjectMeta>? Old);
