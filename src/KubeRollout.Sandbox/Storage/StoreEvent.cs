using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// A committed change: the object as it is after the change (for Deleted: as it was, with the deletion's
/// resourceVersion), and as it was before (null for Added), which a watch with a selector needs to tell an object
/// entering or leaving the selection, as the API server's watch cache keeps it beside each event.
/// </summary>
public sealed record StoreEvent(WatchEventType Type, ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object, long ResourceVersion, IKubernetesObject<V1ObjectMeta>? Previous = null);
