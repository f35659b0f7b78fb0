using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Shared;

/// <summary>
/// The ControllerRefManager: a controller claims the objects its selector matches. It keeps what it controls and
/// still matches, releases what it controls but no longer matches (removes its ownerReference), and adopts matching
/// orphans (adds its controller reference) unless it or they are being deleted.
/// </summary>
public sealed class ControllerRefClaimer
{
    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;

    public ControllerRefClaimer(ClusterRegistry store, ClusterCache cache)
    {
        _store = store;
        _cache = cache;
    }

    /// <param name="controlled">Objects whose controller reference is the owner.</param>
    /// <param name="orphans">Objects in the owner's namespace without a controller.</param>
    public List<TObject> Claim<TObject>(
        IKubernetesObject<V1ObjectMeta> owner,
        string ownerApiVersion,
        string ownerKind,
        V1LabelSelector? selector,
        IEnumerable<TObject> controlled,
        IEnumerable<TObject> orphans)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var claimed = new List<TObject>();
        var ownerDeleting = owner.Metadata.DeletionTimestamp is not null;
        foreach (var obj in controlled)
        {
            if (LabelSelectors.Matches(selector, obj.Metadata.Labels))
            {
                claimed.Add(obj);
            }
            else if (!ownerDeleting)
            {
                Release(owner, obj);
            }
        }

        if (ownerDeleting)
        {
            return claimed;
        }

        foreach (var obj in orphans)
        {
            if (obj.Metadata.DeletionTimestamp is null
                && LabelSelectors.Matches(selector, obj.Metadata.Labels)
                && CanAdopt(owner)
                && Adopt(owner, ownerApiVersion, ownerKind, obj) is { } adopted)
            {
                claimed.Add(adopted);
            }
        }

        return claimed;
    }

    /// <summary>An owner adopts only while it is the current object of that name and not being deleted.</summary>
    private bool CanAdopt(IKubernetesObject<V1ObjectMeta> owner) =>
        _cache.GetByUid(owner.Metadata.Uid) is { Metadata.DeletionTimestamp: null };

    private TObject? Adopt<TObject>(IKubernetesObject<V1ObjectMeta> owner, string apiVersion, string kind, TObject obj)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var copy = WithOwnerReferences(obj, [.. obj.Metadata.OwnerReferences ?? [], OwnerReferences.NewControllerRef(owner, apiVersion, kind)]);
        try
        {
            return _store.Update(copy, FieldManagers.ControllerManager);
        }
        catch (StoreNotFoundException)
        {
            return null;
        }
    }

    private void Release<TObject>(IKubernetesObject<V1ObjectMeta> owner, TObject obj)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var remaining = (obj.Metadata.OwnerReferences ?? []).Where(o => o.Uid != owner.Metadata.Uid).ToList();
        try
        {
            _store.Update(WithOwnerReferences(obj, remaining.Count == 0 ? null : remaining), FieldManagers.ControllerManager);
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private static TObject WithOwnerReferences<TObject>(TObject obj, IList<V1OwnerReference>? references)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var copy = ObjectCopies.Shallow(obj);
        copy.Metadata = ObjectCopies.Shallow(obj.Metadata);
        copy.Metadata.OwnerReferences = references;
        return copy;
    }
}
