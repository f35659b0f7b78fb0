using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>
/// Fans the store's committed changes out to the open watches. It listens to <see cref="ClusterStore.Changed"/>,
/// which the store raises in commit order.
/// </summary>
internal sealed class WatchHub : IDisposable
{
    private readonly ClusterStore _store;
    private readonly SerializedObjects _serialized;
    private readonly object _gate = new();
    private readonly Dictionary<ResourceType, List<WatchSubscription>> _subscriptions = new();

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
            var subscribers = _subscriptions[storeEvent.Resource];
            if (subscribers.Count == 0)
            {
                return;
            }

            var change = new WatchChange(storeEvent.Type, storeEvent.Object, storeEvent.Previous, storeEvent.ResourceVersion, _serialized);
            foreach (var subscription in subscribers)
            {
                subscription.Offer(change);
            }
        }
    }
}
