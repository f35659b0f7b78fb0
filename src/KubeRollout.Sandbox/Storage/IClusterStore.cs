using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// The sandbox's state, with the API server's semantics (the registry layer): the REST handlers and the
/// in-process controllers both go through it, so that defaulting, validation, resourceVersion, generation and
/// garbage collection behave the same whoever writes.
///
/// Contract:
/// - Objects returned are snapshots owned by the store: never mutate them; clone (<see cref="ObjectCloner"/>) first.
/// - Writes take the caller's object, never keep a reference to it, and return the stored result (a snapshot).
/// - Create assigns uid, creationTimestamp, resourceVersion and generation 1, applies defaults, validates.
/// - Update checks metadata.resourceVersion when it is set (stale → <see cref="StoreConflictException"/>),
///   ignores status changes, bumps generation only when spec (or any non-metadata, non-status field) changes.
/// - UpdateStatus changes only status (and takes the rest from the stored object).
/// - Delete with a propagation policy: Background (the default for most resources) and Orphan delete at once,
///   Foreground sets deletionTimestamp and the foregroundDeletion finalizer until dependents are gone.
///   Dependents (ownerReferences to the deleted uid) are garbage-collected. A pod bound to a node and not terminated
///   is deleted gracefully: it gets deletionTimestamp (now + grace period) and stays Terminating until the kubelet
///   deletes it with grace period 0.
/// - Failures throw <see cref="StoreException"/> subclasses carrying the API status (reason, code, causes).
/// </summary>
public interface IClusterStore
{
    /// <summary>The newest committed resourceVersion.</summary>
    long ResourceVersion { get; }

    TObject? Get<TObject>(string? @namespace, string name)
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>All objects of a kind, in one namespace or (null) all, optionally filtered by a label selector.</summary>
    IReadOnlyList<TObject> List<TObject>(string? @namespace = null, V1LabelSelector? selector = null)
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    TObject Create<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    TObject Update<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    TObject UpdateStatus<TObject>(TObject obj, string fieldManager)
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    void Delete<TObject>(string? @namespace, string name, string propagationPolicy = "Background")
        where TObject : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// Raised after every committed change, on the writer's thread and in commit order. Handlers must be quick
    /// (enqueue work; never write to the store from inside the handler).
    /// </summary>
    event Action<StoreEvent>? Changed;
}
