using System.Security.Cryptography;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// The in-memory state of the sandbox with the registry semantics of the API server (see <see cref="IClusterStore"/>).
/// One lock serialises writes, which keeps resourceVersions, events and watch order trivially consistent.
/// </summary>
public sealed class ClusterStore : IClusterStore
{
    /// <summary>
    /// How many events watches can resume from. Each keeps its object snapshot alive, so the window is what most of
    /// the memory of a busy sandbox goes to; a client whose version is older re-lists (410 Expired), as on a real cluster.
    /// </summary>
    public const int EventWindow = 10_000;
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly object _gate = new();
    private readonly Dictionary<ResourceType, Dictionary<string, Dictionary<string, IKubernetesObject<V1ObjectMeta>>>> _objects = new();
    private readonly Queue<StoreEvent> _events = new();
    private readonly IReadOnlyList<IAdmissionStep> _admission;
    private readonly ISimulatedClock _clock;
    private long _resourceVersion = 1;
    private long _oldestEventVersion = 1;

    public ClusterStore(ISimulatedClock clock, IEnumerable<IAdmissionStep> admission)
    {
        _clock = clock;
        _admission = admission.ToList();
        foreach (var resource in ResourceTypes.All)
        {
            _objects[resource] = new(StringComparer.Ordinal);
        }
    }

    public event Action<StoreEvent>? Changed;

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

    // ---- typed access for controllers --------------------------------------------------------------

    public TObject? Get<TObject>(string? @namespace, string name)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject?)Get(ResourceTypes.ForModel(typeof(TObject)), @namespace, name);

    public IReadOnlyList<TObject> List<TObject>(string? @namespace = null, V1LabelSelector? selector = null)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        List(ResourceTypes.ForModel(typeof(TObject)), @namespace, selector is null ? null : o => LabelSelectors.Matches(selector, o.Metadata.Labels), out _)
            .Cast<TObject>()
            .ToList();

    public TObject Create<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Create(ResourceTypes.ForModel(typeof(TObject)), obj, fieldManager, dryRun: false);

    public TObject Update<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Update(ResourceTypes.ForModel(typeof(TObject)), obj, fieldManager, statusOnly: false, dryRun: false);

    public TObject UpdateStatus<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Update(ResourceTypes.ForModel(typeof(TObject)), obj, fieldManager, statusOnly: true, dryRun: false);

    public void Delete<TObject>(string? @namespace, string name, string propagationPolicy = "Background")
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        Delete(ResourceTypes.ForModel(typeof(TObject)), @namespace, name, propagationPolicy, preconditionUid: null, dryRun: false);

    // ---- resource-type access for the REST layer -----------------------------------------------------

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
            IEnumerable<IKubernetesObject<V1ObjectMeta>> all = @namespace is null
                ? _objects[resource].Values.SelectMany(bucket => bucket.Values)
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

    public IKubernetesObject<V1ObjectMeta> Create(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, string fieldManager, bool dryRun)
    {
        lock (_gate)
        {
            var candidate = ObjectCloner.Clone(obj);
            candidate.ApiVersion = resource.ApiVersion;
            candidate.Kind = resource.Kind;
            var meta = candidate.Metadata ??= new V1ObjectMeta();
            if (!resource.Namespaced)
            {
                meta.NamespaceProperty = null;
            }

            if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
            {
                meta.Name = UniqueGeneratedName(resource, meta.NamespaceProperty, meta.GenerateName);
            }

            if (string.IsNullOrEmpty(meta.Name))
            {
                throw Invalid(resource, meta.Name ?? string.Empty, [new V1StatusCause { Message = "name or generateName is required", Field = "metadata.name", Reason = "FieldValueRequired" }]);
            }

            if (resource.Namespaced)
            {
                var ns = meta.NamespaceProperty;
                if (ns is null || Bucket(ResourceTypes.Namespaces, null, create: false)?.ContainsKey(ns) != true)
                {
                    throw new StoreNotFoundException($"namespaces \"{ns}\" not found", new V1StatusDetails { Name = ns, Kind = "namespaces" });
                }
            }

            if (Bucket(resource, meta.NamespaceProperty, create: false)?.ContainsKey(meta.Name) == true)
            {
                throw new StoreException(409, "AlreadyExists", $"{resource.QualifiedName} \"{meta.Name}\" already exists", Details(resource, meta.Name));
            }

            meta.Uid = Guid.NewGuid().ToString();
            meta.CreationTimestamp = Truncate(_clock.UtcNow);
            meta.Generation = 1;
            meta.ResourceVersion = null;
            meta.DeletionTimestamp = null;
            RunAdmission(resource, candidate, null, AdmissionOperation.Create, fieldManager);
            return dryRun ? candidate : Commit(resource, candidate, WatchEventType.Added);
        }
    }

    public IKubernetesObject<V1ObjectMeta> Update(
        ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, string fieldManager, bool statusOnly, bool dryRun)
    {
        lock (_gate)
        {
            var name = obj.Metadata?.Name ?? string.Empty;
            var ns = resource.Namespaced ? obj.Metadata?.NamespaceProperty : null;
            var stored = Bucket(resource, ns, create: false)?.GetValueOrDefault(name)
                ?? throw NotFound(resource, name);
            var requested = obj.Metadata?.ResourceVersion;
            if (!string.IsNullOrEmpty(requested) && requested != stored.Metadata.ResourceVersion)
            {
                throw new StoreConflictException(
                    $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
                    Details(resource, name));
            }

            var candidate = statusOnly ? StatusUpdateOf(stored, obj) : SpecUpdateOf(obj, stored);
            candidate.ApiVersion = resource.ApiVersion;
            candidate.Kind = resource.Kind;
            var meta = candidate.Metadata;
            meta.Name = name;
            meta.NamespaceProperty = ns;
            meta.Uid = stored.Metadata.Uid;
            meta.CreationTimestamp = stored.Metadata.CreationTimestamp;
            meta.DeletionTimestamp = stored.Metadata.DeletionTimestamp;
            meta.Generation = stored.Metadata.Generation;
            bool unchanged;
            if (statusOnly)
            {
                unchanged = SameStatus(candidate, stored);
            }
            else
            {
                RunAdmission(resource, candidate, stored, AdmissionOperation.Update, fieldManager);
                var candidateJson = ModelJson.ToNode(candidate);
                var storedJson = ModelJson.ToNode(stored);
                if (!SameSpec(candidateJson, storedJson))
                {
                    meta.Generation = (stored.Metadata.Generation ?? 0) + 1;
                    unchanged = false;
                }
                else
                {
                    unchanged = SameObject(candidateJson, storedJson);
                }
            }

            if (unchanged)
            {
                return stored; // a no-op write keeps its resourceVersion and sends no event, as etcd3 does
            }

            if (dryRun)
            {
                return candidate;
            }

            // The last finalizer removed from an object being deleted without a grace period deletes it (an
            // object in a graceful deletion, a terminating pod, stays until its grace period is over).
            if (meta.DeletionTimestamp is not null && (meta.Finalizers?.Count ?? 0) == 0 && (stored.Metadata.DeletionGracePeriodSeconds ?? 0) == 0)
            {
                return Remove(resource, stored);
            }

            return Commit(resource, candidate, WatchEventType.Modified);
        }
    }

    /// <summary>
    /// Deletes and returns the object as deleted (or, with Foreground, finalizers or a grace period, as marked for
    /// deletion). A pod bound to a node and not terminated is deleted gracefully, as the API server does it: it gets
    /// deletionTimestamp = now + grace period (<paramref name="gracePeriodSeconds"/>, else its
    /// terminationGracePeriodSeconds, default 30) and stays until the kubelet deletes it with grace period 0.
    /// </summary>
    public IKubernetesObject<V1ObjectMeta> Delete(
        ResourceType resource, string? @namespace, string name, string? propagationPolicy, string? preconditionUid, bool dryRun, long? gracePeriodSeconds = null)
    {
        lock (_gate)
        {
            var ns = resource.Namespaced ? @namespace : null;
            var stored = Bucket(resource, ns, create: false)?.GetValueOrDefault(name) ?? throw NotFound(resource, name);
            if (preconditionUid is not null && preconditionUid != stored.Metadata.Uid)
            {
                throw new StoreConflictException(
                    $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": Precondition failed: UID in precondition: {preconditionUid}, UID in object meta: {stored.Metadata.Uid}",
                    Details(resource, name));
            }

            if (dryRun)
            {
                return stored;
            }

            var grace = GracePeriodSeconds(resource, stored, gracePeriodSeconds);
            if (grace > 0 && stored.Metadata.DeletionTimestamp is not null)
            {
                return stored; // already terminating; the sandbox does not shorten a running grace period
            }

            if (grace > 0)
            {
                var terminating = (IKubernetesObject<V1ObjectMeta>)ShallowCopy(stored); // shares the immutable snapshot's parts
                terminating.Metadata = (V1ObjectMeta)ShallowCopy(stored.Metadata);
                terminating.Metadata.DeletionTimestamp = Truncate(_clock.UtcNow.AddSeconds(grace));
                terminating.Metadata.DeletionGracePeriodSeconds = grace;
                if (propagationPolicy == "Foreground")
                {
                    terminating.Metadata.Finalizers = [.. terminating.Metadata.Finalizers ?? [], "foregroundDeletion"];
                }

                return Commit(resource, terminating, WatchEventType.Modified);
            }

            if (propagationPolicy == "Foreground" || (stored.Metadata.Finalizers?.Count ?? 0) > 0)
            {
                var marked = ObjectCloner.Clone(stored);
                marked.Metadata.DeletionTimestamp ??= Truncate(_clock.UtcNow);
                marked.Metadata.DeletionGracePeriodSeconds = gracePeriodSeconds == 0 ? 0 : marked.Metadata.DeletionGracePeriodSeconds ?? 0;
                if (propagationPolicy == "Foreground")
                {
                    marked.Metadata.Finalizers ??= [];
                    if (!marked.Metadata.Finalizers.Contains("foregroundDeletion"))
                    {
                        marked.Metadata.Finalizers.Add("foregroundDeletion");
                    }
                }

                return Commit(resource, marked, WatchEventType.Modified);
            }

            if (propagationPolicy == "Orphan")
            {
                // As the API server does it: the owner is marked as being deleted first, so that no controller
                // adopts its dependents again while they are orphaned.
                var orphaning = ObjectCloner.Clone(stored);
                orphaning.Metadata.DeletionTimestamp = Truncate(_clock.UtcNow);
                orphaning.Metadata.DeletionGracePeriodSeconds = 0;
                orphaning.Metadata.Finalizers = [.. orphaning.Metadata.Finalizers ?? [], "orphan"];
                stored = Commit(resource, orphaning, WatchEventType.Modified);
                OrphanDependents(stored.Metadata.Uid);
            }

            return Remove(resource, stored);
        }
    }

    /// <summary>The grace period of a deletion: only running pods (bound, not Succeeded/Failed) have one.</summary>
    private static long GracePeriodSeconds(ResourceType resource, IKubernetesObject<V1ObjectMeta> stored, long? requested) =>
        resource == ResourceTypes.Pods
        && stored is V1Pod { Spec.NodeName.Length: > 0 } pod
        && pod.Status?.Phase is not ("Succeeded" or "Failed")
            ? Math.Max(0, requested ?? pod.Spec.TerminationGracePeriodSeconds ?? 30)
            : 0;

    /// <summary>Objects whose ownerReferences name <paramref name="ownerUid"/> (for garbage collection).</summary>
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

    /// <summary>True when an object with this uid still exists (owners of dependents are checked by uid).</summary>
    public bool ExistsWithUid(ResourceType resource, string? @namespace, string name, string uid) =>
        Get(resource, @namespace, name)?.Metadata.Uid == uid;

    private void OrphanDependents(string uid)
    {
        foreach (var (resource, dependent) in DependentsOf(uid))
        {
            var copy = ObjectCloner.Clone(dependent);
            copy.Metadata.OwnerReferences = copy.Metadata.OwnerReferences!.Where(o => o.Uid != uid).ToList();
            if (copy.Metadata.OwnerReferences.Count == 0)
            {
                copy.Metadata.OwnerReferences = null;
            }

            Commit(resource, copy, WatchEventType.Modified);
        }
    }

    private IKubernetesObject<V1ObjectMeta> Commit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, WatchEventType type)
    {
        var version = ++_resourceVersion;
        obj.Metadata.ResourceVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Bucket(resource, obj.Metadata.NamespaceProperty, create: true)![obj.Metadata.Name] = obj;
        Publish(new StoreEvent(type, resource, obj, version));
        return obj;
    }

    private IKubernetesObject<V1ObjectMeta> Remove(ResourceType resource, IKubernetesObject<V1ObjectMeta> stored)
    {
        var version = ++_resourceVersion;
        var bucket = Bucket(resource, stored.Metadata.NamespaceProperty, create: false)!;
        bucket.Remove(stored.Metadata.Name);
        var deleted = (IKubernetesObject<V1ObjectMeta>)ShallowCopy(stored); // shares the immutable snapshot's parts
        deleted.Metadata = (V1ObjectMeta)ShallowCopy(stored.Metadata);
        deleted.Metadata.ResourceVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Publish(new StoreEvent(WatchEventType.Deleted, resource, deleted, version));
        if (resource == ResourceTypes.Namespaces)
        {
            RemoveNamespaceContents(stored.Metadata.Name);
        }

        return deleted;
    }

    private void RemoveNamespaceContents(string ns)
    {
        foreach (var resource in ResourceTypes.All.Where(r => r.Namespaced))
        {
            foreach (var obj in Bucket(resource, ns, create: false)?.Values.ToList() ?? [])
            {
                Remove(resource, obj);
            }
        }
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

    private void RunAdmission(
        ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, AdmissionOperation operation, string fieldManager)
    {
        foreach (var step in _admission)
        {
            step.Admit(resource, obj, old, operation, fieldManager);
        }
    }

    private Dictionary<string, IKubernetesObject<V1ObjectMeta>>? Bucket(ResourceType resource, string? @namespace, bool create)
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

    private string UniqueGeneratedName(ResourceType resource, string? @namespace, string prefix)
    {
        var bucket = Bucket(resource, @namespace, create: false);
        while (true)
        {
            var suffix = string.Create(5, 0, static (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
                }
            });
            var name = prefix + suffix;
            if (bucket?.ContainsKey(name) != true)
            {
                return name;
            }
        }
    }

    /// <summary>
    /// The stored object with the status of <paramref name="statusSource"/>, built without a JSON round trip of the
    /// whole object (status updates are the most frequent writes): the new snapshot shares the stored snapshot's
    /// unchanged parts (snapshots are immutable), gets its own metadata object and a deep copy of the new status.
    /// </summary>
    private static IKubernetesObject<V1ObjectMeta> StatusUpdateOf(IKubernetesObject<V1ObjectMeta> stored, IKubernetesObject<V1ObjectMeta> statusSource)
    {
        if (StatusProperty(stored.GetType()) is not { } status || statusSource.GetType() != stored.GetType())
        {
            return WithStatusOf(stored, statusSource);
        }

        var candidate = (IKubernetesObject<V1ObjectMeta>)ShallowCopy(stored);
        candidate.Metadata = (V1ObjectMeta)ShallowCopy(stored.Metadata);
        var newStatus = status.GetValue(statusSource);
        status.SetValue(candidate, newStatus is null ? null : ModelJson.Deserialize(ModelJson.Serialize(newStatus), status.PropertyType));
        return candidate;
    }

    private static bool SameStatus(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        StatusProperty(stored.GetType()) is { } status
            ? ModelJson.Serialize(status.GetValue(candidate) ?? string.Empty) == ModelJson.Serialize(status.GetValue(stored) ?? string.Empty)
            : SameObject(candidate, stored);

    private static System.Reflection.PropertyInfo? StatusProperty(Type modelType) =>
        StatusProperties.GetOrAdd(modelType, static t => t.GetProperty("Status"));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> StatusProperties = new();

    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    /// <summary>
    /// A copy of <paramref name="source"/> with the status of <paramref name="statusSource"/>: a typed deep copy
    /// where the model has a Status property (cheaper than the JSON tree below).
    /// </summary>
    private static IKubernetesObject<V1ObjectMeta> SpecUpdateOf(IKubernetesObject<V1ObjectMeta> source, IKubernetesObject<V1ObjectMeta> statusSource)
    {
        if (StatusProperty(statusSource.GetType()) is not { } status || source.GetType() != statusSource.GetType())
        {
            return WithStatusOf(source, statusSource);
        }

        var candidate = ObjectCloner.Clone(source);
        var storedStatus = status.GetValue(statusSource);
        status.SetValue(candidate, storedStatus is null ? null : ModelJson.Deserialize(ModelJson.Serialize(storedStatus), status.PropertyType));
        return candidate;
    }

    /// <summary>The object's fields except status, with status taken from <paramref name="statusSource"/>.</summary>
    private static IKubernetesObject<V1ObjectMeta> WithStatusOf(IKubernetesObject<V1ObjectMeta> source, IKubernetesObject<V1ObjectMeta> statusSource)
    {
        var json = ModelJson.ToNode(source);
        var status = ModelJson.ToNode(statusSource)["status"];
        json.Remove("status");
        if (status is not null)
        {
            json["status"] = status.DeepClone();
        }

        return (IKubernetesObject<V1ObjectMeta>)ModelJson.FromNode(json, source.GetType());
    }

    /// <summary>True when everything but metadata and status is unchanged (generation stays).</summary>
    private static bool SameSpec(JsonObject candidate, JsonObject stored) =>
        SameExcept(candidate, stored, NotSpec);

    private static bool SameObject(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        SameObject(ModelJson.ToNode(candidate), ModelJson.ToNode(stored));

    /// <summary>Equal apart from resourceVersion and managedFields.</summary>
    private static bool SameObject(JsonObject candidate, JsonObject stored) =>
        SameExcept(candidate, stored, Metadata)
        && SameExcept(candidate["metadata"] as JsonObject ?? [], stored["metadata"] as JsonObject ?? [], VolatileMetadata);

    private static bool SameExcept(JsonObject a, JsonObject b, HashSet<string> skipped)
    {
        foreach (var (key, value) in a)
        {
            if (!skipped.Contains(key) && !JsonNode.DeepEquals(value, b[key]))
            {
                return false;
            }
        }

        foreach (var (key, value) in b)
        {
            if (!skipped.Contains(key) && !a.ContainsKey(key) && value is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> NotSpec = ["metadata", "status", "apiVersion", "kind"];
    private static readonly HashSet<string> Metadata = ["metadata"];
    private static readonly HashSet<string> VolatileMetadata = ["resourceVersion", "managedFields"];

    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static V1StatusDetails Details(ResourceType resource, string name) =>
        new() { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Plural };

    private static StoreNotFoundException NotFound(ResourceType resource, string name) =>
        new($"{resource.QualifiedName} \"{name}\" not found", Details(resource, name));

    private static StoreException Invalid(ResourceType resource, string name, IList<V1StatusCause> causes) =>
        new(422, "Invalid", $"{resource.Kind}.{resource.Group} \"{name}\" is invalid: {string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"))}",
            new V1StatusDetails { Name = name, Group = resource.Group, Kind = resource.Kind, Causes = causes });
}
