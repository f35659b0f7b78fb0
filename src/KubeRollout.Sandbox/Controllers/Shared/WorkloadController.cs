using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using Microsoft.Extensions.Logging;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Controllers.Shared;

/// <summary>
/// A controller that reconciles one workload kind (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job) keyed by its
/// namespace and name: it writes through the store, reads from the cache, records events and claims the objects it
/// controls. It starts from every workload the cache holds.
/// </summary>
public abstract class WorkloadController<TWorkload> : QueueController<ObjectKey>
    where TWorkload : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly string _kind;
    private readonly string _apiVersion;

    /// <param name="kind">The workload's kind, as owner references of the objects it controls name it (with <paramref name="apiVersion"/>).</param>
    protected WorkloadController(string name, string kind, ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger, string apiVersion = "apps/v1")
        : base(name, workers: 1, timers, logger)
    {
        _kind = kind;
        _apiVersion = apiVersion;
        Store = store;
        Cache = cache;
        Events = events;
        Claimer = new ControllerRefClaimer(store, cache);
        cache.Changed += OnChanged;
    }

    protected ClusterRegistry Store { get; }

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

    /// <summary>Whether the workload's selector takes in an orphan with these labels, so that a sync may adopt it.</summary>
    protected abstract bool CouldAdopt(TWorkload workload, IDictionary<string, string>? labels);

    /// <summary>
    /// Enqueues the workloads a change of an object they control concerns, as the informer handlers (addPod,
    /// updatePod, deletePod) do: its controller, the controller it was taken from, and, for a live orphan, every
    /// workload in its namespace that could adopt it. Unless <paramref name="onEveryOrphanUpdate"/>, an orphan counts
    /// only when it is new, its labels changed or it was just released.
    /// </summary>
    protected void EnqueueControllersOf(CacheEvent change, bool onEveryOrphanUpdate = false)
    {
        var meta = change.Object.Metadata;
        var controllerRef = OwnerReferences.ControllerOf(meta);
        var oldControllerRef = change.Old is null ? null : OwnerReferences.ControllerOf(change.Old.Metadata);
        if (IsOwnKind(controllerRef))
        {
            Queue.Add(new ObjectKey(meta.NamespaceProperty, controllerRef!.Name));
        }

        if (IsOwnKind(oldControllerRef) && oldControllerRef!.Uid != controllerRef?.Uid)
        {
            Queue.Add(new ObjectKey(meta.NamespaceProperty, oldControllerRef.Name));
        }

        var labelsChanged = change.Old is not null && !change.Old.Metadata.Labels.SameAs(meta.Labels);
        if (controllerRef is null && change.Type != WatchEventType.Deleted
            && (onEveryOrphanUpdate || change.Old is null || labelsChanged || oldControllerRef is not null))
        {
            foreach (var workload in Cache.List<TWorkload>(meta.NamespaceProperty))
            {
                if (CouldAdopt(workload, meta.Labels))
                {
                    Queue.Add(ObjectKey.Of(workload));
                }
            }
        }
    }

    private bool IsOwnKind(V1OwnerReference? reference) =>
        reference is not null && reference.ApiVersion == _apiVersion && reference.Kind == _kind;
}
