using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// What the Endpoints and EndpointSlice controllers share: a work queue of Services, filled by Service changes and
/// by the pod changes that alter a Service's endpoints (<see cref="ServiceSelection.ServicesConcernedBy"/>), and the
/// trigger-time tracker. A change someone else makes to the objects a controller owns requeues their Service; its
/// own writes (whose store events arrive on its own thread, during the write) do not.
/// </summary>
public abstract class ServiceEndpointsController : QueueController<ObjectKey>
{
    [ThreadStatic]
    private static ServiceEndpointsController? _writing;

    protected ServiceEndpointsController(string name, ClusterRegistry registry, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base(name, workers: 1, timers, logger)
    {
        Registry = registry;
        Cache = cache;
        Events = events;
        cache.Changed += OnChanged;
    }

    protected ClusterRegistry Registry { get; }

    protected ClusterCache Cache { get; }

    protected EventRecorder Events { get; }

    protected TriggerTimeTracker TriggerTimes { get; } = new();

    public override void EnqueueExisting()
    {
        foreach (var service in Cache.List<V1Service>())
        {
            Queue.Add(ObjectKey.Of(service));
        }
    }

    /// <summary>The Service key a change of an object this controller owns concerns, or null when it concerns none.</summary>
    protected abstract ObjectKey? ServiceOfOwnedChange(CacheEvent change);

    /// <summary>How long after someone else changed an owned object its Service is synced again.</summary>
    protected virtual TimeSpan OwnedChangeDelay => TimeSpan.Zero;

    /// <summary>Runs one of this controller's own writes, so that the store events it raises do not requeue the Service.</summary>
    protected T Write<T>(Func<T> write)
    {
        var outer = _writing;
        _writing = this;
        try
        {
            return write();
        }
        finally
        {
            _writing = outer;
        }
    }

    protected void Write(Action write) => Write(() =>
    {
        write();
        return true;
    });

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Service>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type)
        {
            foreach (var service in ServiceSelection.ServicesConcernedBy(Cache, change))
            {
                Queue.Add(service);
            }
        }
        else if (!ReferenceEquals(_writing, this) && ServiceOfOwnedChange(change) is { } owner)
        {
            Queue.AddAfter(owner, OwnedChangeDelay);
        }
    }
}
