using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>Create and update (Store.Create, Store.Update with rest.BeforeCreate and rest.BeforeUpdate).</summary>
public sealed partial class ClusterRegistry
{
    public IKubernetesObject<V1ObjectMeta> Create(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, WriteRequest write)
    {
        var strategy = ResourceRegistry.For(resource);
        var candidate = ObjectCloner.Clone(obj); // the caller's object: copied before the store is locked for every other writer
        return _store.Atomically(() =>
        {
            candidate.ApiVersion = resource.ApiVersion;
            candidate.Kind = resource.Kind;
            var meta = candidate.Metadata ??= new V1ObjectMeta();
            if (!resource.Namespaced)
            {
                meta.NamespaceProperty = null;
            }

            if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
            {
                meta.Name = NameGenerator.Unique(_store, resource, meta.NamespaceProperty, meta.GenerateName);
            }

            if (string.IsNullOrEmpty(meta.Name))
            {
                var missing = new FieldErrors();
                missing.Required("metadata.name", "name or generateName is required");
                missing.ThrowIfAny(resource, string.Empty);
            }

            NamespaceLifecycle.AdmitCreate(_store, resource, meta.Name, meta.NamespaceProperty);
            var now = Now;
            meta.Uid = Guid.NewGuid().ToString();
            meta.CreationTimestamp = Truncate(now);
            meta.ResourceVersion = null;
            meta.DeletionTimestamp = null;
            meta.DeletionGracePeriodSeconds = null;
            strategy.Default(candidate, null);
            ThrowIfInvalid(resource, meta.Name, strategy.Allocate(candidate, null, _store));
            strategy.PrepareForCreate(candidate);
            var errors = new FieldErrors();
            strategy.Validate(candidate, null, errors);
            errors.ThrowIfAny(resource, meta.Name);

            // As the API server's store: an invalid object is refused as invalid (422) before storage finds the name taken.
            if (_store.Get(resource, meta.NamespaceProperty, meta.Name) is { } existing)
            {
                throw AlreadyExists(resource, meta.Name, existing);
            }

            if (!write.IsApply)
            {
                FieldManager.RecordUpdate(resource, candidate, null, write.FieldManager, now);
            }

            return write.DryRun ? candidate : _store.Insert(resource, candidate);
        });
    }

    /// <summary>The name is taken; kube-apiserver says so differently when the holder is being deleted.</summary>
    private static StoreException AlreadyExists(ResourceType resource, string name, IKubernetesObject<V1ObjectMeta> existing)
    {
        var message = $"{resource.QualifiedName} \"{name}\" already exists";
        return new StoreException(409, "AlreadyExists",
            existing.Metadata.DeletionTimestamp is null ? message : $"object is being deleted: {message}", ClusterStore.Details(resource, name));
    }

    /// <param name="subresource">null for the main resource, "status", or another subresource the kind serves for updates.</param>
    public IKubernetesObject<V1ObjectMeta> Update(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, string? subresource, WriteRequest write)
    {
        var strategy = ResourceRegistry.For(resource);
        return _store.Atomically(() =>
        {
            var name = obj.Metadata?.Name ?? string.Empty;
            var ns = resource.Namespaced ? obj.Metadata?.NamespaceProperty : null;
            var stored = _store.Get(resource, ns, name) ?? throw ClusterStore.NotFound(resource, name);
            var requested = obj.Metadata?.ResourceVersion;
            if (UpdatePrecondition.Fails(requested, stored.Metadata.ResourceVersion))
            {
                throw Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");
            }

            var candidate = subresource switch
            {
                null => strategy.HasStatus ? StatusSubresource.SpecUpdateOf(obj, stored) : ObjectCloner.Clone(obj),
                "status" => StatusSubresource.StatusUpdateOf(stored, obj),
                _ => strategy.SubresourceUpdate(subresource, stored, obj),
            };
            candidate.ApiVersion = resource.ApiVersion;
            candidate.Kind = resource.Kind;
            var meta = candidate.Metadata;
            meta.Name = name;
            meta.NamespaceProperty = ns;
            meta.Uid = stored.Metadata.Uid;
            meta.CreationTimestamp = stored.Metadata.CreationTimestamp;
            meta.DeletionTimestamp = stored.Metadata.DeletionTimestamp;
            meta.DeletionGracePeriodSeconds = stored.Metadata.DeletionGracePeriodSeconds ?? meta.DeletionGracePeriodSeconds;
            meta.Generation = stored.Metadata.Generation;
            bool unchanged;
            if (subresource == "status")
            {
                strategy.PrepareForStatusUpdate(candidate, stored);
                unchanged = StatusSubresource.SameStatusAndMetadata(candidate, stored);
            }
            else
            {
                if (subresource is null)
                {
                    strategy.Default(candidate, stored);
                    ThrowIfInvalid(resource, name, strategy.Allocate(candidate, stored, _store));
                    strategy.PrepareForUpdate(candidate, stored);
                }

                var errors = new FieldErrors();
                strategy.Validate(candidate, stored, errors);
                errors.ThrowIfAny(resource, name);
                if (subresource is null && !write.IsApply)
                {
                    FieldManager.RecordUpdate(resource, candidate, stored, write.FieldManager, Now);
                }

                unchanged = ObjectComparison.Same(candidate, stored);
            }

            if (unchanged)
            {
                return stored; // a no-op write keeps its resourceVersion and sends no event, as etcd3 does
            }

            if (write.DryRun)
            {
                return candidate;
            }

            if (ShouldDeleteDuringUpdate(strategy, candidate, stored))
            {
                return _store.Remove(resource, stored);
            }

            return _store.Replace(resource, candidate);
        });
    }

    /// <summary>
    /// The last finalizer removed from an object being deleted without a grace period deletes it (an object in a
    /// graceful deletion, a terminating pod, stays until its grace period is over).
    /// </summary>
    private static bool ShouldDeleteDuringUpdate(ResourceStrategy strategy, IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        (candidate.Metadata.Finalizers?.Count ?? 0) == 0
        && stored.Metadata.DeletionTimestamp is not null
        && (stored.Metadata.DeletionGracePeriodSeconds ?? 0) == 0
        && strategy.ShouldDeleteDuringUpdate(candidate);

    private static void ThrowIfInvalid(ResourceType resource, string name, IReadOnlyList<V1StatusCause> causes)
    {
        if (causes.Count > 0)
        {
            throw FieldErrors.Invalid(resource, name, causes);
        }
    }

    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
