using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>
/// Fans the store's committed changes out to the open watches. It listens to <see cref="ClusterStore.Changed"/>,
/// which the store raises in commit order, and remembers the latest version of every object so that each change
/// carries its predecessor.
/// </summary>
internal sealed class WatchHub : IDisposable
{
    private readonly ClusterStore _store;
    private readonly SerializedObjects _serialized;
    private readonly object _gate = new();
    private readonly Dictionary<ResourceType, List<WatchSubscription>> _subscriptions = new();
    private readonly Dictionary<ResourceType, Dictionary<(string? Namespace, string Name), IKubernetesObject<V1ObjectMeta>>> _latest = new();

    public WatchHub(ClusterStore store, SerializedObjects serialized)
    {
        _store = store;
        _serialized = serialized;
        lock (_gate)
        {
            _store.Changed += OnChanged;
            foreach (var resource in ResourceRegistry.Resources)
            {
                _subscriptions[resource] = [];
                _latest[resource] = store.List(resource, null, null, out _)
                    .ToDictionary(o => ((string?)o.Metadata.NamespaceProperty, o.Metadata.Name));
            }
        }
    }

    /// <summary>Starts queueing the changes of a resource; dispose the subscription to stop.</summary>
    public WatchSubscription Subscribe(ResourceType resource, string? @namespace)
    {
        var subscription = new WatchSubscription(resource, @namespace, Unsubscribe);
        lock (_gate)
        {
            _subscriptions[resource].Add(subscription);
        }

        return subscription;
    }

    public void Dispose() => _store.Changed -= OnChanged;

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions[subscription.Resource].Remove(subscription);
        }
    }

    private void OnChanged(StoreEvent storeEvent)
    {
        lock (_gate)
        {
            var latest = _latest[storeEvent.Resource];
            var key = (storeEvent.Object.Metadata.NamespaceProperty, storeEvent.Object.Metadata.Name);
            latest.TryGetValue(key, out var previous);
            if (storeEvent.Type == WatchEventType.Deleted)
            {
                latest.Remove(key);
            }
            else
            {
                latest[key] = storeEvent.Object;
            }

            var subscribers = _subscriptions[storeEvent.Resource];
            if (subscribers.Count == 0)
            {
                return;
            }

            var change = new WatchChange(storeEvent.Type, storeEvent.Object, previous, storeEvent.ResourceVersion, _serialized);
            foreach (var subscription in subscribers)
            {
                subscription.Offer(change);
            }
        }
    }
}
