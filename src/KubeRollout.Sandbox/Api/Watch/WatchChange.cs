using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Responses;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>
/// One committed change as every watcher of its resource receives it. <see cref="Previous"/> is the object before
/// the change (when known), so that a watcher with a selector sees an object entering or leaving it as ADDED or
/// DELETED, as the API server's watch cache reports it. The JSON line is encoded once and shared.
/// </summary>
internal sealed class WatchChange
{
    private readonly Lazy<byte[]> _line;

    public WatchChange(WatchEventType type, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? previous, long resourceVersion, SerializedObjects serialized)
    {
        Type = type;
        Object = obj;
        Previous = previous;
        ResourceVersion = resourceVersion;
        _line = new Lazy<byte[]>(() => WatchEventJson.Line(type, serialized.Utf8(obj)));
    }

    public WatchEventType Type { get; }

    public IKubernetesObject<V1ObjectMeta> Object { get; }

    public IKubernetesObject<V1ObjectMeta>? Previous { get; }

    public long ResourceVersion { get; }

    /// <summary>The newline-terminated <c>{"type":…,"object":…}</c> line for this change as it happened.</summary>
    public byte[] Line => _line.Value;
}
