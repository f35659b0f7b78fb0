using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>Deletion (Store.Delete with rest.BeforeDelete): preconditions, graceful deletion, finalizers and propagation.</summary>
public sealed partial class ClusterRegistry
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    /// <summary>
    /// Deletes and returns the object as deleted, or — with a grace period, finalizers or Foreground — as marked for
    /// deletion. Orphan removes the object's ownerReferences from its dependents first.
    /// </summary>
    public IKubernetesObject<V1ObjectMeta> Delete(ResourceType resource, string? @namespace, string name, DeleteRequest request)
    {
        var strategy = ResourceRegistry.For(resource);
        return _store.Atomically(() =>
        {
            var ns = resource.Namespaced ? @namespace : null;
            var stored = _store.Get(resource, ns, name) ?? throw ClusterStore.NotFound(resource, name);
            if (request.PreconditionUid is { } uid && uid != stored.Metadata.Uid)
            {
                throw Conflict(resource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {stored.Metadata.Uid}");
            }

            if (request.PreconditionResourceVersion is { } version && version != stored.Metadata.ResourceVersion)
            {
                throw Conflict(resource, name, $"Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {stored.Metadata.ResourceVersion}");
            }

            var now = Now;
            var step = strategy.BeginDelete(stored, request, Truncate(now));
            if (step.Handled)
            {
                return step.Update is null || request.DryRun ? step.Update ?? stored : _store.Replace(resource, step.Update);
            }

            if (request.DryRun)
            {
                return stored;
            }

            if (GracefulDeletion(strategy, stored, request, now) is { } graceful)
            {
                return graceful.Metadata.DeletionGracePeriodSeconds == 0 && (graceful.Metadata.Finalizers?.Count ?? 0) == 0
                    ? _store.Remove(resource, stored)
                    : _store.Replace(resource, graceful);
            }

            if (stored.Metadata.DeletionTimestamp is not null && (stored.Metadata.DeletionGracePeriodSeconds ?? 0) > 0)
            {
                return stored; // graceful deletion pending: only the owner of the grace period (the kubelet) ends it
            }

            if (request.PropagationPolicy == "Foreground" || (stored.Metadata.Finalizers?.Count ?? 0) > 0)
            {
                var marked = ObjectCloner.Clone(stored);
                MarkAsDeleting(marked.Metadata, now);
                if (request.PropagationPolicy == "Foreground")
                {
                    marked.Metadata.Finalizers ??= [];
                    if (!marked.Metadata.Finalizers.Contains(ForegroundFinalizer))
                    {
                        marked.Metadata.Finalizers.Add(ForegroundFinalizer);
                    }
                }

                return ObjectComparison.Same(marked, stored) ? stored : _store.Replace(resource, marked);
            }

            if (request.PropagationPolicy == "Orphan")
            {
                // As the API server does it: the owner is marked as being deleted first, so that no controller
                // adopts its dependents again while they are orphaned.
                var orphaning = ObjectCloner.Clone(stored);
                MarkAsDeleting(orphaning.Metadata, now);
                orphaning.Metadata.Finalizers = [.. orphaning.Metadata.Finalizers ?? [], OrphanFinalizer];
                stored = _store.Replace(resource, orphaning);
                OrphanDependents(stored.Metadata.Uid);
            }

            return _store.Remove(resource, stored);
        });
    }

    /// <summary>
    /// rest.BeforeDelete for kinds deleted gracefully: the first deletion sets deletionTimestamp = now + grace period
    /// and bumps the generation; a later one may only shorten the period. Null when the kind has no grace period
    /// or the deletion is not graceful.
    /// </summary>
    private static IKubernetesObject<V1ObjectMeta>? GracefulDeletion(ResourceStrategy strategy, IKubernetesObject<V1ObjectMeta> stored, DeleteRequest request, DateTime now)
    {
        var meta = stored.Metadata;
        if (meta.DeletionTimestamp is not null)
        {
            if (meta.DeletionGracePeriodSeconds is not { } current || current == 0 || request.GracePeriodSeconds is not { } shorter || shorter >= current)
            {
                return null;
            }

            var shortened = Marked(stored);
            shortened.Metadata.DeletionTimestamp = Truncate(meta.DeletionTimestamp.Value.AddSeconds(shorter - current));
            shortened.Metadata.DeletionGracePeriodSeconds = shorter;
            return shortened;
        }

        if (strategy.GracePeriodSeconds(stored, request.GracePeriodSeconds) is not { } grace || grace == 0)
        {
            return null;
        }

        var terminating = Marked(stored);
        terminating.Metadata.DeletionTimestamp = Truncate(now.AddSeconds(grace));
        terminating.Metadata.DeletionGracePeriodSeconds = grace;
        if (meta.Generation > 0)
        {
            terminating.Metadata.Generation = meta.Generation + 1;
        }

        if (request.PropagationPolicy == "Foreground")
        {
            terminating.Metadata.Finalizers = [.. meta.Finalizers ?? [], ForegroundFinalizer];
        }

        return terminating;
    }

    /// <summary>A copy that shares the immutable snapshot's parts, with metadata of its own.</summary>
    private static IKubernetesObject<V1ObjectMeta> Marked(IKubernetesObject<V1ObjectMeta> stored)
    {
        var copy = ObjectCopies.Shallow(stored);
        copy.Metadata = ObjectCopies.Shallow(stored.Metadata);
        return copy;
    }

    /// <summary>markAsDeleting: deletionTimestamp now (unless set earlier), grace period 0, generation bumped once.</summary>
    private static void MarkAsDeleting(V1ObjectMeta meta, DateTime now)
    {
        if (meta.DeletionTimestamp is null && meta.Generation > 0)
        {
            meta.Generation++;
        }

        if (meta.DeletionTimestamp is null || meta.DeletionTimestamp > now)
        {
            meta.DeletionTimestamp = Truncate(now);
        }

        meta.DeletionGracePeriodSeconds = 0;
    }

    private void OrphanDependents(string uid)
    {
        foreach (var (resource, dependent) in _store.DependentsOf(uid))
        {
            var copy = ObjectCloner.Clone(dependent);
            copy.Metadata.OwnerReferences = copy.Metadata.OwnerReferences!.Where(o => o.Uid != uid).ToList();
            if (copy.Metadata.OwnerReferences.Count == 0)
            {
                copy.Metadata.OwnerReferences = null;
            }

            _store.Replace(resource, copy);
        }
    }
}
