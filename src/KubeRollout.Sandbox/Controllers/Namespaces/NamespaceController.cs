using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Registry.Core.Namespaces;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.Namespaces;

/// <summary>
/// The namespace controller (pkg/controller/namespace/deletion): a namespace being deleted keeps its conditions up
/// to date while its content is deleted (pods gracefully, so content remains until the kubelets have stopped them);
/// once nothing is left its <c>kubernetes</c> finalizer is removed through the finalize subresource, which removes
/// the namespace.
/// </summary>
public sealed class NamespaceController : QueueController<string>
{
    /// <summary>How soon to look again while content remains (the real controller estimates from grace periods).</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private readonly ClusterRegistry _registry;
    private readonly ClusterCache _cache;

    public NamespaceController(ClusterRegistry registry, ClusterCache cache, SimulatedTimers timers, ILogger logger)
        : base("namespace", workers: 1, timers, logger)
    {
        _registry = registry;
        _cache = cache;
        cache.Changed += OnChanged;
    }

    public override void EnqueueExisting()
    {
        foreach (var ns in _cache.List<V1Namespace>().Where(n => n.Metadata.DeletionTimestamp is not null))
        {
            Queue.Add(ns.Metadata.Name);
        }
    }

    protected override void Sync(string name)
    {
        if (_cache.Get<V1Namespace>(null, name) is not { Metadata.DeletionTimestamp: not null } ns)
        {
            return;
        }

        if (ns.Spec?.Finalizers?.Contains(NamespaceStrategy.KubernetesFinalizer) != true)
        {
            Delete(ns);
            return;
        }

        var (remaining, finalizers) = DeleteContent(name);
        ns = UpdateConditions(ns, remaining, finalizers);
        if (remaining.Count > 0)
        {
            Queue.AddAfter(name, RecheckAfter);
            return;
        }

        Finalize(ns);
    }

    /// <summary>Deletes what is not yet being deleted; returns what remains per resource and per finalizer.</summary>
    private (Dictionary<string, int> Remaining, Dictionary<string, int> Finalizers) DeleteContent(string @namespace)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        var finalizers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in ResourceRegistry.Resources.Where(r => r.Namespaced))
        {
            var objects = _cache.List(resource, @namespace);
            foreach (var obj in objects.Where(o => o.Metadata.DeletionTimestamp is null))
            {
                try
                {
                    _registry.Delete(resource, @namespace, obj.Metadata.Name, new DeleteRequest("Background", PreconditionUid: obj.Metadata.Uid));
                }
                catch (StoreException e) when (e.Code is 404 or 409)
                {
                    // Gone or replaced meanwhile: the next pass sees what is left.
                }
            }

            if (objects.Count > 0)
            {
                remaining[$"{resource.Plural}.{resource.Group}"] = objects.Count;
                foreach (var finalizer in objects.SelectMany(o => o.Metadata.Finalizers ?? []))
                {
                    finalizers[finalizer] = finalizers.GetValueOrDefault(finalizer) + 1;
                }
            }
        }

        return (remaining, finalizers);
    }

    private V1Namespace UpdateConditions(V1Namespace ns, Dictionary<string, int> remaining, Dictionary<string, int> finalizers)
    {
        var conditions = NamespaceConditions.Update(ns.Status?.Conditions, remaining, finalizers, SimulatedTime.Truncate(Now));
        if (conditions is null && ns.Status?.Phase == NamespaceStrategy.Terminating)
        {
            return ns;
        }

        var updated = ObjectCopies.Shallow(ns);
        updated.Status = new V1NamespaceStatus { Phase = NamespaceStrategy.Terminating, Conditions = conditions ?? ns.Status?.Conditions };
        return _registry.UpdateStatus(updated, FieldManagers.ControllerManager);
    }

    /// <summary>Removes this controller's finalizer; with no other left, the registry removes the namespace.</summary>
    private void Finalize(V1Namespace ns)
    {
        var finalized = ObjectCopies.Shallow(ns);
        finalized.Spec = new V1NamespaceSpec { Finalizers = ns.Spec.Finalizers.Where(f => f != NamespaceStrategy.KubernetesFinalizer).ToList() };
        var result = _registry.Update(NamespaceStrategy.Type, finalized, "finalize", new WriteRequest(FieldManagers.ControllerManager));
        if (result.Metadata.DeletionTimestamp is not null && _registry.Get<V1Namespace>(null, ns.Metadata.Name) is { } left
            && left.Spec?.Finalizers is not { Count: > 0 })
        {
            Delete(left);
        }
    }

    private void Delete(V1Namespace ns)
    {
        try
        {
            _registry.Delete(NamespaceStrategy.Type, null, ns.Metadata.Name, new DeleteRequest(PreconditionUid: ns.Metadata.Uid));
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Namespace>.Type)
        {
            if (change.Object.Metadata.DeletionTimestamp is not null && change.Type != Storage.WatchEventType.Deleted)
            {
                Queue.Add(change.Object.Metadata.Name);
            }

            return;
        }

        // Content that goes away (or starts going) in a terminating namespace may let it finish.
        if (change.Resource.Namespaced
            && (change.Type == Storage.WatchEventType.Deleted || change.Object.Metadata.DeletionTimestamp is not null)
            && change.Object.Metadata.NamespaceProperty is { } @namespace
            && _cache.Get<V1Namespace>(null, @namespace) is { Metadata.DeletionTimestamp: not null })
        {
            Queue.Add(@namespace);
        }
    }
}
