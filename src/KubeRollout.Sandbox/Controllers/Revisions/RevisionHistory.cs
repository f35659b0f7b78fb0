using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Revisions;

/// <summary>
/// The ControllerRevisions of a StatefulSet or DaemonSet (pkg/controller/history): claiming them by selector, the
/// next revision number, creating one under <c>&lt;owner&gt;-&lt;hash&gt;</c> with collision handling, re-using an
/// equal one by bumping its number, and trimming the history to revisionHistoryLimit.
/// </summary>
public sealed class RevisionHistory
{
    public const string HashLabel = "controller-revision-hash";

    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;
    private readonly ControllerRefClaimer _claimer;

    public RevisionHistory(ClusterRegistry store, ClusterCache cache)
    {
        _store = store;
        _cache = cache;
        _claimer = new ControllerRefClaimer(store, cache);
    }

    /// <summary>The owner's revisions (adopting matching orphans), lowest revision first.</summary>
    public List<V1ControllerRevision> Claim(IKubernetesObject<V1ObjectMeta> owner, string kind, V1LabelSelector? selector)
    {
        var revisions = _claimer.Claim(
            owner,
            "apps/v1",
            kind,
            selector,
            _cache.ControlledBy<V1ControllerRevision>(owner.Metadata.Uid),
            _cache.WithoutController<V1ControllerRevision>(owner.Metadata.NamespaceProperty));
        revisions.Sort(ByRevision);
        return revisions;
    }

    public static long MaxRevision(IEnumerable<V1ControllerRevision> revisions) =>
        revisions.Select(r => r.Revision ?? 0).DefaultIfEmpty(0).Max();

    public static bool SameData(V1ControllerRevision revision, string data) => TemplatePatch.DataOf(revision) == data;

    /// <summary>
    /// A new revision of <paramref name="template"/> numbered <paramref name="number"/>, with the template's labels
    /// plus the hash label, the owner's annotations (the change cause shows in rollout history) and its controller
    /// reference. A name taken by a revision with other data is a hash collision: the count goes up and another name
    /// is tried; one with the same data is the revision wanted.
    /// </summary>
    public V1ControllerRevision Create(
        IKubernetesObject<V1ObjectMeta> owner, string kind, V1PodTemplateSpec template, string data, long number, Func<int, string> hashFor, ref int collisionCount)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hash = hashFor(collisionCount);
            var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>()) { [HashLabel] = hash };
            var revision = new V1ControllerRevision
            {
                ApiVersion = "apps/v1",
                Kind = "ControllerRevision",
                Metadata = new V1ObjectMeta
                {
                    Name = ControllerRevisionHash.Name(owner.Metadata.Name, hash),
                    NamespaceProperty = owner.Metadata.NamespaceProperty,
                    Labels = labels,
                    Annotations = owner.Metadata.Annotations is { Count: > 0 } annotations ? new Dictionary<string, string>(annotations) : null,
                    OwnerReferences = [OwnerReferences.NewControllerRef(owner, "apps/v1", kind)],
                },
                Data = TemplatePatch.ToData(data),
                Revision = number,
            };
            try
            {
                return _store.Create(revision, FieldManagers.ControllerManager);
            }
            catch (StoreException e) when (e.Reason == "AlreadyExists" && attempt < 100)
            {
                var existing = _cache.Get<V1ControllerRevision>(revision.Metadata.NamespaceProperty, revision.Metadata.Name);
                if (existing is not null && SameData(existing, data))
                {
                    return existing;
                }

                collisionCount++;
            }
        }
    }

    /// <summary>Gives an existing revision a new number (a template that went back to an older revision).</summary>
    public V1ControllerRevision Renumber(V1ControllerRevision revision, long number)
    {
        if (revision.Revision == number)
        {
            return revision;
        }

        var copy = ObjectCopies.Shallow(revision);
        copy.Revision = number;
        return _store.Update(copy, FieldManagers.ControllerManager);
    }

    /// <summary>Deletes the lowest revisions beyond <paramref name="limit"/> among those no one uses.</summary>
    public void Truncate(IReadOnlyList<V1ControllerRevision> revisions, ISet<string> live, int limit)
    {
        var history = revisions.Where(r => !live.Contains(r.Metadata.Name)).ToList();
        for (var i = 0; i < history.Count - limit; i++)
        {
            try
            {
                _store.Delete<V1ControllerRevision>(history[i].Metadata.NamespaceProperty, history[i].Metadata.Name);
            }
            catch (StoreNotFoundException)
            {
            }
        }
    }

    private static int ByRevision(V1ControllerRevision a, V1ControllerRevision b)
    {
        var byNumber = (a.Revision ?? 0).CompareTo(b.Revision ?? 0);
        if (byNumber != 0)
        {
            return byNumber;
        }

        var byAge = Nullable.Compare(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }
}
