using System.Globalization;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// The sandbox's etcd: objects by resource, namespace and name, one resourceVersion counter and the window of
/// committed events that watches resume from. It knows nothing of kinds: defaulting, validation, generation and
/// deletion rules are the registry's (<c>Registry/</c>), which makes its checks and writes inside
/// <see cref="Atomically{T}"/>, as the API server does them inside one GuaranteedUpdate.
///
/// Contract:
/// - Objects returned are snapshots: never mutate them; clone (<see cref="ObjectCloner"/>) first.
/// - <see cref="Insert"/> and <see cref="Replace"/> keep the object they are given (the caller gives up its copy)
///   and set its resourceVersion; <see cref="Remove"/> leaves the stored snapshot untouched.
/// - <see cref="Changed"/> is raised after every commit, on the writer's thread and in commit order.
/// </summary>
public sealed class ClusterStore
{
    /// <summary>
    /// How many events watches can resume from. Each keeps its object snapshot alive, so the window is what most of
    /// the memory of a busy sandbox goes to; a client whose version is older re-lists (410 Expired), as on a real cluster.
    /// </summary>
    public const int EventWindow = 10_000;

    private readonly object _gate = new();
    private readonly Dictionary<ResourceType, Dictionary<string, Dictionary<string, IKubernetesObject<V1ObjectMeta>>>> _objects = new();
    private readonly Queue<StoreEvent> _events = new();
    private long _resourceVersion = 1;
    private long _oldestEventVersion = 1;

    /// <summary>
    /// Raised after every committed change, on the writer's thread and in commit order. Handlers must be quick
    /// (enqueue work; never write to the store from inside the handler).
    /// </summary>
    public event Action<StoreEvent>? Changed;

    /// <summary>The newest committed resourceVersion.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>
    /// Fills an empty store with the objects a previous run left (see <c>Storage/Persistence</c>), without events:
    /// versions continue after <paramref name="resourceVersion"/>, and a watch from any older version is 410 Expired,
    /// since the events before the restart are not kept.
    /// </summary>
    public void Restore(IEnumerable<(ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object)> objects, long resourceVersion)
    {
        lock (_gate)
        {
            if (_resourceVersion != 1 || _objects.Count > 0)
            {
                throw new InvalidOperationException("Only an empty store can be restored.");
            }

            foreach (var (resource, obj) in objects)
            {
                Bucket(resource, obj.Metadata.NamespaceProperty, create: true)![obj.Metadata.Name] = obj;
            }

            _resourceVersion = Math.Max(resourceVersion, 1);
            _oldestEventVersion = _resourceVersion + 1;
        }
    }

    /// <summary>Runs reads and writes as one step: no other write comes in between (the lock is re-entrant).</summary>
    public T Atomically<T>(Func<T> operation)
    {
        lock (_gate)
        {
            return operation();
        }
    }

    public IKubernetesObject<V1ObjectMeta>? Get(ResourceType resource, string? @namespace, string name)
    {
        lock (_gate)
        {
            return Bucket(resource, @namespace, create: false)?.GetValueOrDefault(name);
        }
    }

    /// <summary>A consistent list and the resourceVersion it reflects (for list-then-watch).</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> List(
        ResourceType resource, string? @namespace, Func<IKubernetesObject<V1ObjectMeta>, bool>? filter, out long resourceVersion)
    {
        lock (_gate)
        {
            resourceVersion = _resourceVersion;
            IEnumerable<IKubernetesObject<V1ObjectMeta>> all = @namespace is null || !resource.Namespaced
                ? _objects.GetValueOrDefault(resource)?.Values.SelectMany(bucket => bucket.Values) ?? []
                : Bucket(resource, @namespace, create: false)?.Values ?? Enumerable.Empty<IKubernetesObject<V1ObjectMeta>>();
            return all
                .Where(o => filter is null || filter(o))
                .OrderBy(o => o.Metadata.NamespaceProperty, StringComparer.Ordinal)
                .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>
    /// The committed events of a resource after <paramref name="resourceVersion"/>, for a watch that resumes.
    /// Throws 410 Gone when that version is older than the kept window.
    /// </summary>
    public IReadOnlyList<StoreEvent> EventsSince(ResourceType resource, long resourceVersion)
    {
        lock (_gate)
        {
            if (resourceVersion < _oldestEventVersion - 1)
            {
                throw new StoreException(410, "Expired", $"too old resource version: {resourceVersion} ({_oldestEventVersion - 1})");
            }

            return _events.Where(e => e.Resource == resource && e.ResourceVersion > resourceVersion).ToList();
        }
    }

    /// <summary>Every object of every resource and the resourceVersion they are the state of, taken as one step.</summary>
    public (IReadOnlyList<(ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object)> Objects, long ResourceVersion) Snapshot()
    {
        lock (_gate)
        {
            return (_objects.SelectMany(r => r.Value.Values.SelectMany(b => b.Values).Select(o => (r.Key, o))).ToList(), _resourceVersion);
        }
    }

    /// <summary>Objects of any resource whose ownerReferences name <paramref name="ownerUid"/>.</summary>
    public IReadOnlyList<(ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object)> DependentsOf(string ownerUid)
    {
        lock (_gate)
        {
            return _objects
                .SelectMany(r => r.Value.Values.SelectMany(b => b.Values).Select(o => (Resource: r.Key, Object: o)))
                .Where(x => x.Object.Metadata.OwnerReferences?.Any(o => o.Uid == ownerUid) == true)
                .ToList();
        }
    }

    /// <summary>True when a namespace holds any object of any resource.</summary>
    public bool HasObjectsIn(string @namespace)
    {
        lock (_gate)
        {
            return _objects.Any(r => r.Key.Namespaced && r.Value.TryGetValue(@namespace, out var bucket) && bucket.Count > 0);
        }
    }

    /// <summary>Stores a new object; 409 AlreadyExists when the name is taken.</summary>
    public IKubernetesObject<V1ObjectMeta> Insert(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj)
    {
        lock (_gate)
        {
            if (Bucket(resource, obj.Metadata.NamespaceProperty, create: false)?.ContainsKey(obj.Metadata.Name) == true)
            {
                throw new StoreException(409, "AlreadyExists", $"{resource.QualifiedName} \"{obj.Metadata.Name}\" already exists", Details(resource, obj.Metadata.Name));
            }

            return Commit(resource, obj, WatchEventType.Added);
        }
    }

    /// <summary>Stores a new version of an existing object.</summary>
    public IKubernetesObject<V1ObjectMeta> Replace(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj)
    {
        lock (_gate)
        {
            if (Bucket(resource, obj.Metadata.NamespaceProperty, create: false)?.ContainsKey(obj.Metadata.Name) != true)
            {
                throw NotFound(resource, obj.Metadata.Name);
            }

            return Commit(resource, obj, WatchEventType.Modified);
        }
    }

    /// <summary>Removes a stored object and returns it as deleted (with the deletion's resourceVersion).</summary>
    public IKubernetesObject<V1ObjectMeta> Remove(ResourceType resource, IKubernetesObject<V1ObjectMeta> stored)
    {
        lock (_gate)
        {
            var bucket = Bucket(resource, stored.Metadata.NamespaceProperty, create: false);
            if (bucket?.Remove(stored.Metadata.Name) != true)
            {
                throw NotFound(resource, stored.Metadata.Name);
            }

            var version = ++_resourceVersion;
            var deleted = ObjectCopies.Shallow(stored); // shares the immutable snapshot's parts
            deleted.Metadata = ObjectCopies.Shallow(stored.Metadata);
            deleted.Metadata.ResourceVersion = version.ToString(CultureInfo.InvariantCulture);
            Publish(new StoreEvent(WatchEventType.Deleted, resource, deleted, version, stored));
            return deleted;
        }
    }

    public static StoreNotFoundException NotFound(ResourceType resource, string name) =>
        new($"{resource.QualifiedName} \"{name}\" not found", Details(resource, name));

    public static V1StatusDetails Details(ResourceType resource, string name) =>
        new() { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Plural };

    private IKubernetesObject<V1ObjectMeta> Commit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, WatchEventType type)
    {
        var version = ++_resourceVersion;
        obj.Metadata.ResourceVersion = version.ToString(CultureInfo.InvariantCulture);
        var bucket = Bucket(resource, obj.Metadata.NamespaceProperty, create: true)!;
        bucket.TryGetValue(obj.Metadata.Name, out var previous);
        bucket[obj.Metadata.Name] = obj;
        Publish(new StoreEvent(type, resource, obj, version, previous));
        return obj;
    }

    private void Publish(StoreEvent storeEvent)
    {
        _events.Enqueue(storeEvent);
        while (_events.Count > EventWindow)
        {
            _oldestEventVersion = _events.Dequeue().ResourceVersion + 1;
        }

        Changed?.Invoke(storeEvent);
    }

    private Dictionary<string, IKubernetesObject<V1ObjectMeta>>? Bucket(ResourceType resource, string? @namespace, bool create)
    {
        if (!_objects.TryGetValue(resource, out var byNamespace))
        {
            if (!create)
            {
                return null;
            }

            byNamespace = new(StringComparer.Ordinal);
            _objects[resource] = byNamespace;
        }

        var key = resource.Namespaced ? @namespace ?? string.Empty : string.Empty;
        if (!byNamespace.TryGetValue(key, out var bucket) && create)
        {
            bucket = new Dictionary<string, IKubernetesObject<V1ObjectMeta>>(StringComparer.Ordinal);
            byNamespace[key] = bucket;
        }

        return bucket;
    }
}
