using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Controllers.GarbageCollection;

/// <summary>
/// The garbage collector (pkg/controller/garbagecollector), on the cache's owner index:
/// an object whose owners are all gone is deleted (Background by default, as its own finalizers ask otherwise);
/// an object that still has a live owner only loses its references to gone owners;
/// an owner being deleted in the foreground (foregroundDeletion finalizer) has its dependents deleted first —
/// dependents with dependents of their own in the foreground too — and loses the finalizer, and so goes, once no
/// dependent that blocks owner deletion is left.
/// </summary>
public sealed class GarbageCollector : QueueController<ObjectRef>
{
    public const string ForegroundDeletion = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;

    public GarbageCollector(ClusterRegistry store, ClusterCache cache, SimulatedTimers timers, ILogger logger)
        : base("garbage-collector", workers: 1, timers, logger)
    {
        _store = store;
        _cache = cache;
        cache.Changed += OnChanged;
    }

    /// <summary>Objects that reference owners and owners waiting in foreground deletion, as found at start-up.</summary>
    public override void EnqueueExisting()
    {
        foreach (var resource in ResourceRegistry.Resources)
        {
            foreach (var obj in _cache.List(resource))
            {
                if (obj.Metadata.OwnerReferences?.Count > 0 || IsDeletingDependents(obj))
                {
                    Queue.Add(ObjectRef.Of(resource, obj));
                }
            }
        }
    }

    protected override void Sync(ObjectRef item)
    {
        if (_cache.Get(item) is not { } obj)
        {
            return;
        }

        if (IsDeletingDependents(obj))
        {
            ProcessDeletingDependents(item, obj);
            return;
        }

        if (obj.Metadata.DeletionTimestamp is not null || obj.Metadata.OwnerReferences is not { Count: > 0 } references)
        {
            return;
        }

        var dangling = new List<V1OwnerReference>();
        var waiting = new List<V1OwnerReference>();
        var solid = 0;
        foreach (var reference in references)
        {
            if (reference.Uid is null || _cache.GetByUid(reference.Uid) is not { } owner)
            {
                dangling.Add(reference);
            }
            else if (IsDeletingDependents(owner))
            {
                waiting.Add(reference);
            }
            else
            {
                solid++;
            }
        }

        if (solid > 0)
        {
            if (dangling.Count + waiting.Count > 0)
            {
                RemoveReferences(item, obj, [.. dangling, .. waiting]);
            }

            return;
        }

        string policy;
        if (waiting.Count > 0 && _cache.DependentsOf(obj.Metadata.Uid).Count > 0)
        {
            policy = "Foreground";
        }
        else if (obj.Metadata.Finalizers?.Contains(OrphanFinalizer) == true)
        {
            policy = "Orphan";
        }
        else
        {
            policy = obj.Metadata.Finalizers?.Contains(ForegroundDeletion) == true ? "Foreground" : "Background";
        }

        Delete(item, obj, policy);
    }

    /// <summary>Deletes the dependents that block the owner; with none left, removes the foregroundDeletion finalizer.</summary>
    private void ProcessDeletingDependents(ObjectRef item, IKubernetesObject<V1ObjectMeta> owner)
    {
        var blocking = _cache.DependentsOf(owner.Metadata.Uid)
            .Where(d => d.Object.Metadata.OwnerReferences?.Any(r => r.Uid == owner.Metadata.Uid && r.BlockOwnerDeletion == true) == true)
            .ToList();
        if (blocking.Count == 0)
        {
            var copy = ObjectCopies.Shallow(owner);
            copy.Metadata = ObjectCopies.Shallow(owner.Metadata);
            copy.Metadata.Finalizers = owner.Metadata.Finalizers!.Where(f => f != ForegroundDeletion).ToList();
            try
            {
                _store.Update(item.Resource, copy, subresource: null, new WriteRequest(FieldManagers.ControllerManager));
            }
            catch (StoreNotFoundException)
            {
            }

            return;
        }

        foreach (var (reference, dependent) in blocking)
        {
            if (dependent.Metadata.DeletionTimestamp is null)
            {
                Queue.Add(reference);
            }
        }
    }

    private void Delete(ObjectRef item, IKubernetesObject<V1ObjectMeta> obj, string policy)
    {
        try
        {
            _store.Delete(item.Resource, item.Namespace, item.Name, new DeleteRequest(policy, PreconditionUid: obj.Metadata.Uid));
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private void RemoveReferences(ObjectRef item, IKubernetesObject<V1ObjectMeta> obj, List<V1OwnerReference> gone)
    {
        var remaining = obj.Metadata.OwnerReferences!.Where(r => !gone.Contains(r)).ToList();
        var copy = ObjectCopies.Shallow(obj);
        copy.Metadata = ObjectCopies.Shallow(obj.Metadata);
        copy.Metadata.OwnerReferences = remaining.Count == 0 ? null : remaining;
        try
        {
            _store.Update(item.Resource, copy, subresource: null, new WriteRequest(FieldManagers.ControllerManager));
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private void OnChanged(CacheEvent change)
    {
        var obj = change.Object;
        var reference = ObjectRef.Of(change.Resource, obj);
        if (change.Type == WatchEventType.Deleted)
        {
            // The owner is gone: its dependents may be garbage now.
            foreach (var (dependent, _) in _cache.DependentsOf(obj.Metadata.Uid))
            {
                Queue.Add(dependent);
            }
        }
        else
        {
            if (IsDeletingDependents(obj))
            {
                Queue.Add(reference);
                foreach (var (dependent, _) in _cache.DependentsOf(obj.Metadata.Uid))
                {
                    Queue.Add(dependent);
                }
            }

            if (obj.Metadata.OwnerReferences?.Any(r => r.Uid is null || !_cache.ExistsUid(r.Uid)) == true)
            {
                Queue.Add(reference);
            }
        }

        // A dependent that went away (or started going) may unblock an owner waiting in foreground deletion.
        if (change.Type == WatchEventType.Deleted || obj.Metadata.DeletionTimestamp is not null)
        {
            foreach (var ownerReference in obj.Metadata.OwnerReferences ?? [])
            {
                if (ownerReference.Uid is not null
                    && _cache.ReferenceOfUid(ownerReference.Uid) is { } ownerRef
                    && _cache.Get(ownerRef) is { } owner
                    && IsDeletingDependents(owner))
                {
                    Queue.Add(ownerRef);
                }
            }
        }
    }

    private static bool IsDeletingDependents(IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata.DeletionTimestamp is not null && obj.Metadata.Finalizers?.Contains(ForegroundDeletion) == true;
}
