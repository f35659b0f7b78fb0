using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Selectors;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>
/// What a watch with a selector sees of a change, as the API server's watch cache filters it with the object before
/// and after: an object modified into the selection is ADDED, one modified out of it DELETED, a change outside the
/// selection nothing. The same for the events a resumed watch replays and for those that come live.
/// </summary>
internal static class SelectionChange
{
    /// <summary>The event type the watch sends, or null when it sends nothing.</summary>
    public static WatchEventType? AsSeen(ObjectFilter filter, WatchEventType type, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? previous)
    {
        var matchesNow = filter.Matches(obj);
        var matchedBefore = previous is not null && filter.Matches(previous);
        return type switch
        {
            WatchEventType.Modified when matchesNow => matchedBefore ? WatchEventType.Modified : WatchEventType.Added,
            WatchEventType.Modified when matchedBefore => WatchEventType.Deleted,
            WatchEventType.Added or WatchEventType.Deleted when matchesNow => type,
            _ => null,
        };
    }
}
