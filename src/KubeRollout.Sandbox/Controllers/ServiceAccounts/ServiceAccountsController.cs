using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Registry.Core.Namespaces;
using KubeRollout.Sandbox.Registry.Core.ServiceAccounts;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Controllers.ServiceAccounts;

/// <summary>
/// The serviceaccount controller (pkg/controller/serviceaccount): every active namespace has the ServiceAccount
/// <c>default</c>; one that is missing, or deleted, is created again.
/// </summary>
public sealed class ServiceAccountsController : QueueController<string>
{
    private readonly ClusterRegistry _registry;
    private readonly ClusterCache _cache;

    public ServiceAccountsController(ClusterRegistry registry, ClusterCache cache, SimulatedTimers timers, ILogger logger)
        : base("serviceaccount", workers: 1, timers, logger)
    {
        _registry = registry;
        _cache = cache;
        cache.Changed += OnChanged;
    }

    public override void EnqueueExisting()
    {
        foreach (var ns in _cache.List<V1Namespace>())
        {
            Queue.Add(ns.Metadata.Name);
        }
    }

    protected override void Sync(string @namespace)
    {
        if (_cache.Get<V1Namespace>(null, @namespace) is not { Status.Phase: NamespaceStrategy.Active }
            || _cache.Get<V1ServiceAccount>(@namespace, ServiceAccountStrategy.DefaultName) is not null)
        {
            return;
        }

        try
        {
            _registry.Create(
                new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = ServiceAccountStrategy.DefaultName, NamespaceProperty = @namespace } },
                FieldManagers.ControllerManager);
        }
        catch (StoreException e) when (e.Reason is "AlreadyExists" or "Forbidden" or "NotFound")
        {
            // Created meanwhile, or the namespace is going away.
        }
    }

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Namespace>.Type && change.Type != WatchEventType.Deleted)
        {
            Queue.Add(change.Object.Metadata.Name);
        }
        else if (change.Resource == ResourceOf<V1ServiceAccount>.Type && change.Type == WatchEventType.Deleted
            && change.Object.Metadata.Name == ServiceAccountStrategy.DefaultName)
        {
            Queue.Add(change.Object.Metadata.NamespaceProperty);
        }
    }
}
