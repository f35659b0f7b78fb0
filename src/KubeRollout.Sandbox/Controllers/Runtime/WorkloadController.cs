using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Events;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.Runtime;

/// <summary>
/// A controller that reconciles one workload kind (Deployment, ReplicaSet, StatefulSet, DaemonSet) keyed by its
/// namespace and name: it writes through the store, reads from the cache, records events and claims the objects it
/// controls. It starts from every workload the cache holds.
/// </summary>
public abstract class WorkloadController<TWorkload> : QueueController<ObjectKey>
    where TWorkload : class, IKubernetesObject<V1ObjectMeta>
{
    protected WorkloadController(string name, ClusterStore store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base(name, workers: 1, timers, logger)
    {
        Store = store;
        Cache = cache;
        Events = events;
        Claimer = new ControllerRefClaimer(store, cache);
        cache.Changed += OnChanged;
    }

    protected ClusterStore Store { get; }

    protected ClusterCache Cache { get; }

    protected EventRecorder Events { get; }

    protected ControllerRefClaimer Claimer { get; }

    public override void EnqueueExisting()
    {
        foreach (var workload in Cache.List<TWorkload>())
        {
            Queue.Add(ObjectKey.Of(workload));
        }
    }

    /// <summary>Enqueues the workloads a cache change concerns.</summary>
    protected abstract void OnChanged(CacheEvent change);
}
