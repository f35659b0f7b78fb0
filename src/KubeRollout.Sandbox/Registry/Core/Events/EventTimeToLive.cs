using System.Collections.Concurrent;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Registry.Core.Events;

/// <summary>
/// Events go an hour after their last write, as on a real cluster: the API server stores every create and update of
/// an Event with an etcd lease of <c>--event-ttl</c> (default 1h), and etcd deletes the key when the lease expires
/// (watchers see it DELETED). Without it a long-running sandbox keeps every Event it ever recorded, about half of
/// all its objects. Events a previous run left get a fresh hour when the sandbox starts again.
/// </summary>
public sealed class EventTimeToLive : IRunnableController
{
    /// <summary>kube-apiserver's default <c>--event-ttl</c>.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    private static readonly ResourceType Events = EventStrategy.Type;
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    // Writes come in time order, so the leases expire in the order they were given.
    private readonly ConcurrentQueue<Lease> _leases = new();
    private readonly ClusterRegistry _registry;
    private readonly ClusterCache _cache;
    private readonly ISimulatedClock _clock;
    private readonly ILogger _logger;

    public EventTimeToLive(ClusterRegistry registry, ClusterCache cache, ISimulatedClock clock, ILogger logger)
    {
        _registry = registry;
        _cache = cache;
        _clock = clock;
        _logger = logger;
        cache.Changed += OnChanged;
    }

    public string Name => "event-ttl";

    public void EnqueueExisting()
    {
        foreach (var ev in _cache.List(Events))
        {
            Grant(ev);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _clock.Delay(CheckInterval, cancellationToken).ConfigureAwait(false);
                ExpireDue(_clock.UtcNow);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Deletes every Event whose lease ran out by <paramref name="now"/> and that was not written since.</summary>
    public void ExpireDue(DateTime now)
    {
        while (_leases.TryPeek(out var lease) && lease.Expires <= now)
        {
            _leases.TryDequeue(out _);
            try
            {
                _registry.Store.Atomically(() =>
                    _registry.Store.Get(Events, lease.Namespace, lease.Name) is { } stored && stored.Metadata.ResourceVersion == lease.ResourceVersion
                        ? _registry.Store.Remove(Events, stored)
                        : null);
            }
            catch (StoreException e)
            {
                _logger.LogDebug(e, "The expired Event {Namespace}/{Name} is already gone.", lease.Namespace, lease.Name);
            }
        }
    }

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == Events && change.Type is WatchEventType.Added or WatchEventType.Modified)
        {
            Grant(change.Object);
        }
    }

    private void Grant(k8s.IKubernetesObject<V1ObjectMeta> ev) =>
        _leases.Enqueue(new Lease(_clock.UtcNow + TimeToLive, ev.Metadata.NamespaceProperty, ev.Metadata.Name, ev.Metadata.ResourceVersion));

    private sealed record Lease(DateTime Expires, string? Namespace, string Name, string? ResourceVersion);
}
