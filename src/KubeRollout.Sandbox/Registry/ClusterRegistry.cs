using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Core.Pods;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// The API server's generic registry (<c>registry/generic/registry/store.go</c>) over <see cref="ClusterStore"/>:
/// every write — from the REST handlers and from the in-process controllers alike — passes the resource's
/// <see cref="ResourceStrategy"/> and the generic rules, so that defaulting, validation, resourceVersion,
/// generation, finalizers, graceful deletion and managedFields behave the same whoever writes.
///
/// Contract:
/// - Objects returned are snapshots owned by the store: never mutate them; clone (<see cref="ObjectCloner"/>) first.
/// - Writes take the caller's object, never keep a reference to it, and return the stored result (a snapshot).
/// - A write whose result equals the stored object (resourceVersion aside) is a no-op: no new resourceVersion,
///   no event. managedFields count: a write that only moves field ownership is stored.
/// - Failures throw <see cref="StoreException"/> subclasses carrying the API status (reason, code, causes).
/// </summary>
public sealed partial class ClusterRegistry
{
    private readonly ClusterStore _store;
    private readonly TimeProvider _clock;

    public ClusterRegistry(ClusterStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>The storage below (for watches and caches, which follow its events).</summary>
    public ClusterStore Store => _store;

    /// <summary>The newest committed resourceVersion.</summary>
    public long ResourceVersion => _store.ResourceVersion;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    // ---- typed access for controllers --------------------------------------------------------------

    public TObject? Get<TObject>(string? @namespace, string name)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject?)Get(ResourceOf<TObject>.Type, @namespace, name);

    /// <summary>All objects of a kind, in one namespace or (null) all, optionally filtered by a label selector.</summary>
    public IReadOnlyList<TObject> List<TObject>(string? @namespace = null, V1LabelSelector? selector = null)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        List(ResourceOf<TObject>.Type, @namespace, selector is null ? null : o => LabelSelectors.Matches(selector, o.Metadata.Labels), out _)
            .Cast<TObject>()
            .ToList();

    public TObject Create<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Create(ResourceOf<TObject>.Type, obj, new WriteRequest(fieldManager));

    public TObject Update<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Update(ResourceOf<TObject>.Type, obj, subresource: null, new WriteRequest(fieldManager));

    /// <summary>Changes only the status (the rest is taken from the stored object).</summary>
    public TObject UpdateStatus<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        (TObject)Update(ResourceOf<TObject>.Type, obj, subresource: "status", new WriteRequest(fieldManager));

    public void Delete<TObject>(string? @namespace, string name, string propagationPolicy = "Background")
        where TObject : class, IKubernetesObject<V1ObjectMeta> =>
        Delete(ResourceOf<TObject>.Type, @namespace, name, new DeleteRequest(propagationPolicy));

    // ---- resource-type access for the REST layer -----------------------------------------------------

    public IKubernetesObject<V1ObjectMeta>? Get(ResourceType resource, string? @namespace, string name) =>
        _store.Get(resource, resource.Namespaced ? @namespace : null, name);

    /// <summary>A consistent list and the resourceVersion it reflects (for list-then-watch).</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> List(
        ResourceType resource, string? @namespace, Func<IKubernetesObject<V1ObjectMeta>, bool>? filter, out long resourceVersion) =>
        _store.List(resource, @namespace, filter, out resourceVersion);

    /// <summary>
    /// The pods/binding subresource: assigns a pod to a node and marks it scheduled, in one write and without the
    /// pod strategy (a binding is not a change of the pod's spec by its owner, so the generation stays).
    /// </summary>
    public V1Pod Bind(V1Pod pod, string nodeName)
    {
        var resource = PodStrategy.Type;
        return (V1Pod)_store.Atomically(() =>
        {
            var stored = _store.Get(resource, pod.Metadata.NamespaceProperty, pod.Metadata.Name) as V1Pod
                ?? throw ClusterStore.NotFound(resource, pod.Metadata.Name);
            if (stored.Metadata.Uid != pod.Metadata.Uid)
            {
                throw Conflict(resource, pod.Metadata.Name, $"Precondition failed: UID in precondition: {pod.Metadata.Uid}, UID in object meta: {stored.Metadata.Uid}");
            }

            if (!string.IsNullOrEmpty(stored.Spec?.NodeName))
            {
                throw Conflict(resource, pod.Metadata.Name, $"pod {pod.Metadata.Name} is already assigned to node \"{stored.Spec.NodeName}\"");
            }

            return _store.Replace(resource, PodBinding.Bind(stored, nodeName, Now));
        });
    }

    private static StoreConflictException Conflict(ResourceType resource, string name, string reason) =>
        new($"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": {reason}", ClusterStore.Details(resource, name));
}
