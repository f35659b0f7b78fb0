using k8s.Models;
using KubeRollout.Sandbox.Controllers.Revisions;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.StatefulSets;

/// <summary>
/// The StatefulSet controller (pkg/controller/statefulset): this file holds the event handlers and the sync
/// (claiming pods and revisions, the current and update revision, status, history); <c>.Pods</c> creates, deletes
/// and updates the pods by ordinal.
/// </summary>
public sealed partial class StatefulSetController : WorkloadController<V1StatefulSet>
{
    private const string Kind = "StatefulSet";
    private static readonly EventSource Source = new("statefulset-controller");
    private static readonly TimeSpan AfterAvailable = TimeSpan.FromMilliseconds(10);

    private readonly RevisionHistory _history;

    public StatefulSetController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("statefulset-controller", Kind, store, cache, events, timers, logger)
    {
        _history = new RevisionHistory(store, cache);
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1StatefulSet>(key) is not { } set)
        {
            return;
        }

        var now = Now;
        var pods = ClaimPods(set);
        var revisions = _history.Claim(set, Kind, set.Spec.Selector);
        var collisionCount = set.Status?.CollisionCount ?? 0;
        var (current, update) = SyncRevisions(set, revisions, ref collisionCount);

        if (set.Metadata.DeletionTimestamp is null)
        {
            UpdatePods(set, pods, current, update, now);
        }

        pods = Cache.ControlledBy<V1Pod>(set.Metadata.Uid).Where(p => LabelSelectors.Matches(set.Spec.Selector, p.Metadata.Labels)).ToList();
        var status = StatefulSetStatusCalculator.Calculate(set, pods, current.Metadata.Name, update.Metadata.Name, collisionCount, now);
        if (!ModelEquality.SameJson(status, set.Status))
        {
            var updated = ObjectCopies.Shallow(set);
            updated.Status = status;
            Store.UpdateStatus(updated, FieldManagers.ControllerManager);
        }

        TruncateHistory(set, pods, status);
        if (StatefulSetStatusCalculator.NextAvailableAt(set, pods, now) is { } due)
        {
            Queue.AddAfter(key, due - now + AfterAvailable);
        }
    }

    private List<V1Pod> ClaimPods(V1StatefulSet set) =>
        Claimer.Claim(
            set,
            "apps/v1",
            Kind,
            set.Spec.Selector,
            Cache.ControlledBy<V1Pod>(set.Metadata.Uid),
            Cache.WithoutController<V1Pod>(set.Metadata.NamespaceProperty).Where(p => !PodConditions.IsTerminal(p)));

    /// <summary>
    /// getStatefulSetRevisions: the update revision is the one holding the current template (the latest if equal, an
    /// older equal one renumbered to max+1, else a new one); the current revision is status.currentRevision, or the
    /// update revision when there is none yet.
    /// </summary>
    private (V1ControllerRevision Current, V1ControllerRevision Update) SyncRevisions(V1StatefulSet set, List<V1ControllerRevision> revisions, ref int collisionCount)
    {
        var data = TemplatePatch.Build(set.Spec.Template);
        var next = RevisionHistory.MaxRevision(revisions) + 1;
        var equal = revisions.Where(r => RevisionHistory.SameData(r, data)).ToList();
        V1ControllerRevision update;
        if (equal.Count > 0 && ReferenceEquals(revisions[^1], equal[^1]))
        {
            update = revisions[^1];
        }
        else if (equal.Count > 0)
        {
            update = _history.Renumber(equal[^1], next);
        }
        else
        {
            update = _history.Create(set, Kind, set.Spec.Template, data, next, count => ControllerRevisionHash.Compute(data, count), ref collisionCount);
        }

        var current = revisions.FirstOrDefault(r => r.Metadata.Name == set.Status?.CurrentRevision) ?? update;
        return (current, update);
    }

    /// <summary>Keeps revisionHistoryLimit old revisions besides the current, the update and those pods still use.</summary>
    private void TruncateHistory(V1StatefulSet set, List<V1Pod> pods, V1StatefulSetStatus status)
    {
        var live = new HashSet<string>(StringComparer.Ordinal) { status.CurrentRevision, status.UpdateRevision };
        foreach (var pod in pods)
        {
            if (StatefulSetPods.RevisionOf(pod) is { } revision)
            {
                live.Add(revision);
            }
        }

        var revisions = Cache.ControlledBy<V1ControllerRevision>(set.Metadata.Uid).OrderBy(r => r.Revision ?? 0).ToList();
        _history.Truncate(revisions, live, set.Spec.RevisionHistoryLimit ?? 10);
    }

    protected override void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1StatefulSet>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type || change.Resource == ResourceOf<V1ControllerRevision>.Type)
        {
            EnqueueControllersOf(change);
        }
    }

    protected override bool CouldAdopt(V1StatefulSet workload, IDictionary<string, string>? labels) =>
        LabelSelectors.Matches(workload.Spec.Selector, labels);
}
