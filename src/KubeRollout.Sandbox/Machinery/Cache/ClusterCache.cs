using System.Globalization;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Machinery.Cache;

/// <summary>
/// The controllers' shared informer: every object of the store, kept current from <see cref="ClusterStore.Changed"/>
/// and indexed the ways controllers look things up (by uid, dependents by owner uid, objects without a controller
/// per namespace, pods per node), so that no sync scans all pods. It holds the store's own snapshots (immutable),
/// so it costs references, not copies.
///
/// Store events arrive on the writer's thread, in commit order, before the write returns: a controller that wrote
/// reads its own write from the cache at once, which is why the controllers need no "expectations".
/// </summary>
public sealed class ClusterCache : IDisposable
{
    private readonly object _gate = new();
    private readonly ClusterStore _store;
    private readonly Dictionary<ResourceType, Dictionary<string, Dictionary<string, IKubernetesObject<V1ObjectMeta>>>> _objects = [];
    private readonly Dictionary<string, ObjectRef> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectRef>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceType, Dictionary<string, HashSet<string>>> _uncontrolled = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _podsByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _activePodsByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectRef, long> _deletedWhileFilling = [];
    private readonly ILogger _logger;
    private Action<CacheEvent>[] _handlers = [];
    private bool _filling;
    private bool _started;

    public ClusterCache(ClusterStore store, ILogger? logger = null)
    {
        _store = store;
        _logger = logger ?? NullLogger.Instance;
        foreach (var resource in ResourceRegistry.Resources)
        {
            _objects[resource] = new(StringComparer.Ordinal);
            _uncontrolled[resource] = new(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Raised after the cache applied a store change (on the writer's thread; handlers only enqueue). A handler that
    /// throws is logged and skipped, so a controller bug never fails the write that raised the event.
    /// </summary>
    public event Action<CacheEvent> Changed
    {
        add
        {
            lock (_gate)
            {
                _handlers = [.. _handlers, value];
            }
        }

        remove
        {
            lock (_gate)
            {
                _handlers = _handlers.Where(h => h != value).ToArray();
            }
        }
    }

    /// <summary>Subscribes to the store, then lists everything. Events racing the list are resolved by resourceVersion.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("The cache is already started.");
            }

            _started = true;
            _filling = true;
        }

        _store.Changed += OnStoreChanged;
        foreach (var resource in ResourceRegistry.Resources)
        {
            foreach (var obj in _store.List(resource, null, null, out _))
            {
                lock (_gate)
                {
                    Apply(resource, obj, VersionOf(obj), deleted: false);
                }
            }
        }

        lock (_gate)
        {
            _filling = false;
            _deletedWhileFilling.Clear();
        }
    }

    public void Dispose() => _store.Changed -= OnStoreChanged;

    public TObject? Get<TObject>(string? @namespace, string name)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject?)Get(ResourceOf<TObject>.Type, @namespace, name);

    public TObject? Get<TObject>(ObjectKey key)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        Get<TObject>(key.Namespace, key.Name);

    public IKubernetesObject<V1ObjectMeta>? Get(ResourceType resource, string? @namespace, string name)
    {
        lock (_gate)
        {
            return Bucket(resource, @namespace)?.GetValueOrDefault(name);
        }
    }

    public IKubernetesObject<V1ObjectMeta>? Get(ObjectRef reference) => Get(reference.Resource, reference.Namespace, reference.Name);

    /// <summary>The objects of a kind in a namespace, or in all namespaces (null).</summary>
    public List<TObject> List<TObject>(string? @namespace = null)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf<TObject>.Type;
        lock (_gate)
        {
            if (@namespace is not null || !resource.Namespaced)
            {
                return Bucket(resource, @namespace)?.Values.Cast<TObject>().ToList() ?? [];
            }

            return _objects[resource].Values.SelectMany(bucket => bucket.Values).Cast<TObject>().ToList();
        }
    }

    /// <summary>Every object of a resource, in any namespace or in one.</summary>
    public List<IKubernetesObject<V1ObjectMeta>> List(ResourceType resource, string? @namespace = null)
    {
        lock (_gate)
        {
            return @namespace is null
                ? _objects[resource].Values.SelectMany(bucket => bucket.Values).ToList()
                : Bucket(resource, @namespace)?.Values.ToList() ?? [];
        }
    }

    /// <summary>Where the live object with this uid is, if any.</summary>
    public ObjectRef? ReferenceOfUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.TryGetValue(uid, out var reference) ? reference : null;
        }
    }

    /// <summary>The live object with this uid, if any (owner lookups: an owner is identified by uid).</summary>
    public IKubernetesObject<V1ObjectMeta>? GetByUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.TryGetValue(uid, out var reference) ? Bucket(reference.Resource, reference.Namespace)?.GetValueOrDefault(reference.Name) : null;
        }
    }

    public bool ExistsUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.ContainsKey(uid);
        }
    }

    /// <summary>Every object with an ownerReference to <paramref name="ownerUid"/>, of any kind.</summary>
    public List<(ObjectRef Reference, IKubernetesObject<V1ObjectMeta> Object)> DependentsOf(string ownerUid)
    {
        lock (_gate)
        {
            if (!_dependents.TryGetValue(ownerUid, out var set))
            {
                return [];
            }

            var result = new List<(ObjectRef, IKubernetesObject<V1ObjectMeta>)>(set.Count);
            foreach (var reference in set)
            {
                if (Bucket(reference.Resource, reference.Namespace)?.GetValueOrDefault(reference.Name) is { } obj)
                {
                    result.Add((reference, obj));
                }
            }

            return result;
        }
    }

    /// <summary>The objects of a kind whose controller ownerReference is <paramref name="ownerUid"/>.</summary>
    public List<TObject> ControlledBy<TObject>(string ownerUid)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf<TObject>.Type;
        lock (_gate)
        {
            if (!_dependents.TryGetValue(ownerUid, out var set))
            {
                return [];
            }

            var result = new List<TObject>();
            foreach (var reference in set)
            {
                if (reference.Resource == resource
                    && Bucket(resource, reference.Namespace)?.GetValueOrDefault(reference.Name) is TObject obj
                    && OwnerReferences.ControllerOf(obj.Metadata)?.Uid == ownerUid)
                {
                    result.Add(obj);
                }
            }

            return result;
        }
    }

    /// <summary>The objects of a kind in a namespace that have no controller (candidates for adoption).</summary>
    public List<TObject> WithoutController<TObject>(string? @namespace)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf<TObject>.Type;
        lock (_gate)
        {
            if (!_uncontrolled[resource].TryGetValue(@namespace ?? string.Empty, out var names))
            {
                return [];
            }

            var bucket = Bucket(resource, @namespace);
            return names.Select(name => bucket?.GetValueOrDefault(name)).OfType<TObject>().ToList();
        }
    }

    /// <summary>The pods bound to a node (any phase).</summary>
    public List<V1Pod> PodsOnNode(string nodeName)
    {
        lock (_gate)
        {
            if (!_podsByNode.TryGetValue(nodeName, out var keys))
            {
                return [];
            }

            return keys.Select(k => Bucket(ResourceOf<V1Pod>.Type, k.Namespace)?.GetValueOrDefault(k.Name)).OfType<V1Pod>().ToList();
        }
    }

    /// <summary>Pods bound to the node that are not in a terminal phase (what the scheduler counts).</summary>
    public int ActivePodCountOnNode(string nodeName)
    {
        lock (_gate)
        {
            return _activePodsByNode.GetValueOrDefault(nodeName);
        }
    }

    private void OnStoreChanged(StoreEvent storeEvent)
    {
        if (storeEvent.Type == WatchEventType.Bookmark)
        {
            return;
        }

        IKubernetesObject<V1ObjectMeta>? old;
        bool applied;
        lock (_gate)
        {
            applied = Apply(storeEvent.Resource, storeEvent.Object, storeEvent.ResourceVersion, storeEvent.Type == WatchEventType.Deleted, out old);
        }

        if (!applied)
        {
            return;
        }

        var change = new CacheEvent(storeEvent.Type, storeEvent.Resource, storeEvent.Object, old);
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(change);
            }
#pragma warning disable CA1031 // the store's writer must not fail because a controller's handler did
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "A cache event handler failed for {Resource} {Name}", change.Resource.QualifiedName, change.Object.Metadata.Name);
            }
        }
    }

    private bool Apply(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, long version, bool deleted) =>
        Apply(resource, obj, version, deleted, out _);

    private bool Apply(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, long version, bool deleted, out IKubernetesObject<V1ObjectMeta>? old)
    {
        var reference = ObjectRef.Of(resource, obj);
        var bucket = Bucket(resource, reference.Namespace, create: true)!;
        old = bucket.GetValueOrDefault(reference.Name);
        var known = Math.Max(old is null ? 0 : VersionOf(old), _deletedWhileFilling.GetValueOrDefault(reference));
        if (version <= known)
        {
            return false;
        }

        if (old is not null)
        {
            Unindex(reference, old);
        }

        if (deleted)
        {
            bucket.Remove(reference.Name);
            if (_filling)
            {
                _deletedWhileFilling[reference] = version;
            }

            return old is not null;
        }

        bucket[reference.Name] = obj;
        Index(reference, obj);
        return true;
    }

    private void Index(ObjectRef reference, IKubernetesObject<V1ObjectMeta> obj)
    {
        var meta = obj.Metadata;
        if (meta.Uid is { } uid)
        {
            _byUid[uid] = reference;
        }

        var hasController = false;
        foreach (var owner in meta.OwnerReferences ?? [])
        {
            if (owner.Uid is null)
            {
                continue;
            }

            if (!_dependents.TryGetValue(owner.Uid, out var set))
            {
                set = [];
                _dependents[owner.Uid] = set;
            }

            set.Add(reference);
            hasController |= owner.Controller == true;
        }

        if (!hasController && reference.Resource.Namespaced)
        {
            var byNamespace = _uncontrolled[reference.Resource];
            var ns = reference.Namespace ?? string.Empty;
            if (!byNamespace.TryGetValue(ns, out var names))
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                byNamespace[ns] = names;
            }

            names.Add(reference.Name);
        }

        if (obj is V1Pod { Spec.NodeName: { Length: > 0 } node } pod)
        {
            if (!_podsByNode.TryGetValue(node, out var keys))
            {
                keys = [];
                _podsByNode[node] = keys;
            }

            keys.Add(reference.Key);
            if (!PodConditions.IsTerminal(pod))
            {
                _activePodsByNode[node] = _activePodsByNode.GetValueOrDefault(node) + 1;
            }
        }
    }

    private void Unindex(ObjectRef reference, IKubernetesObject<V1ObjectMeta> obj)
    {
        var meta = obj.Metadata;
        if (meta.Uid is { } uid && _byUid.TryGetValue(uid, out var indexed) && indexed == reference)
        {
            _byUid.Remove(uid);
        }

        foreach (var owner in meta.OwnerReferences ?? [])
        {
            if (owner.Uid is not null && _dependents.TryGetValue(owner.Uid, out var set))
            {
                set.Remove(reference);
                if (set.Count == 0)
                {
                    _dependents.Remove(owner.Uid);
                }
            }
        }

        if (reference.Resource.Namespaced
            && _uncontrolled[reference.Resource].TryGetValue(reference.Namespace ?? string.Empty, out var names))
        {
            names.Remove(reference.Name);
        }

        if (obj is V1Pod { Spec.NodeName: { Length: > 0 } node } pod && _podsByNode.TryGetValue(node, out var keys))
        {
            keys.Remove(reference.Key);
            if (!PodConditions.IsTerminal(pod))
            {
                _activePodsByNode[node] = _activePodsByNode.GetValueOrDefault(node) - 1;
            }
        }
    }

    private Dictionary<string, IKubernetesObject<V1ObjectMeta>>? Bucket(ResourceType resource, string? @namespace, bool create = false)
    {
        var byNamespace = _objects[resource];
        var key = resource.Namespaced ? @namespace ?? string.Empty : string.Empty;
        if (!byNamespace.TryGetValue(key, out var bucket) && create)
        {
            bucket = new Dictionary<string, IKubernetesObject<V1ObjectMeta>>(StringComparer.Ordinal);
            byNamespace[key] = bucket;
        }

        return bucket;
    }

    private static long VersionOf(IKubernetesObject<V1ObjectMeta> obj) =>
        long.TryParse(obj.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
