using k8s.Models;
using KubeRollout.Sandbox.Controllers.Deployments;
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

namespace KubeRollout.Sandbox.Controllers.DaemonSets;

/// <summary>
/// The DaemonSet controller (pkg/controller/daemon): this file holds the event handlers, the sync, the revision
/// history and the status; <c>.Nodes</c> puts one pod on every eligible node and runs the update strategy.
/// </summary>
public sealed partial class DaemonSetController : WorkloadController<V1DaemonSet>
{
    private const string Kind = "DaemonSet";
    private static readonly EventSource Source = new("daemonset-controller");
    private static readonly TimeSpan AfterAvailable = TimeSpan.FromMilliseconds(10);

    private readonly RevisionHistory _history;

    public DaemonSetController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("daemonset-controller", Kind, store, cache, events, timers, logger)
    {
        _history = new RevisionHistory(store, cache);
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1DaemonSet>(key) is not { } ds || ds.Metadata.DeletionTimestamp is not null)
        {
            return;
        }

        var now = Now;
        var nodes = Cache.List<V1Node>();
        nodes.Sort((a, b) => string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name));
        ClaimPods(ds);
        var revisions = _history.Claim(ds, Kind, ds.Spec.Selector);
        var collisionCount = ds.Status?.CollisionCount ?? 0;
        var current = ConstructHistory(ds, revisions, ref collisionCount);
        var hash = current.Metadata.Labels.ValueOrNull(RevisionHistory.HashLabel) ?? current.Metadata.Name;

        Manage(ds, nodes, hash);
        if (ds.Spec.UpdateStrategy?.Type is null or "RollingUpdate")
        {
            RollingUpdate(ds, nodes, hash, now);
        }

        var pods = OwnPods(ds);
        CleanupHistory(ds, pods, current);
        WriteStatus(ds, nodes, pods, hash, collisionCount, now);
        RequeueWhenAvailable(key, ds, pods, now);
    }

    private List<V1Pod> ClaimPods(V1DaemonSet ds) =>
        Claimer.Claim(
            ds,
            "apps/v1",
            Kind,
            ds.Spec.Selector,
            Cache.ControlledBy<V1Pod>(ds.Metadata.Uid),
            Cache.WithoutController<V1Pod>(ds.Metadata.NamespaceProperty).Where(p => !PodConditions.IsTerminal(p)));

    /// <summary>The pods the DaemonSet controls as the cache has them now (after this sync's writes).</summary>
    private List<V1Pod> OwnPods(V1DaemonSet ds) =>
        Cache.ControlledBy<V1Pod>(ds.Metadata.Uid).Where(p => LabelSelectors.Matches(ds.Spec.Selector, p.Metadata.Labels)).ToList();

    /// <summary>
    /// The live (not being deleted) pods by the node they run on or are pinned to, oldest first; pods pinned nowhere
    /// are listed under the empty name.
    /// </summary>
    private static Dictionary<string, List<V1Pod>> PodsByNode(IEnumerable<V1Pod> pods)
    {
        var byNode = new Dictionary<string, List<V1Pod>>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }

            var node = DaemonSetPods.TargetNode(pod) ?? string.Empty;
            if (!byNode.TryGetValue(node, out var list))
            {
                list = [];
                byNode[node] = list;
            }

            list.Add(pod);
        }

        foreach (var list in byNode.Values)
        {
            list.Sort(ByAge);
        }

        return byNode;
    }

    /// <summary>
    /// constructHistory: the current revision is the one whose data equals the template's (renumbered to max+1 when
    /// it is an older one), else a new <c>&lt;ds&gt;-&lt;pod-template-hash&gt;</c> revision.
    /// </summary>
    private V1ControllerRevision ConstructHistory(V1DaemonSet ds, List<V1ControllerRevision> revisions, ref int collisionCount)
    {
        var data = TemplatePatch.Build(ds.Spec.Template);
        var matching = revisions.Where(r => RevisionHistory.SameData(r, data)).ToList();
        var next = RevisionHistory.MaxRevision(revisions.Where(r => !matching.Contains(r))) + 1;
        if (matching.Count == 0)
        {
            var template = ds.Spec.Template;
            return _history.Create(ds, Kind, template, data, next, count => PodTemplateHash.Compute(template, count), ref collisionCount);
        }

        var current = matching[^1];
        return (current.Revision ?? 0) < next ? _history.Renumber(current, next) : current;
    }

    /// <summary>cleanupHistory: keeps revisionHistoryLimit old revisions besides the current one and those pods use.</summary>
    private void CleanupHistory(V1DaemonSet ds, List<V1Pod> pods, V1ControllerRevision current)
    {
        var liveHashes = pods.Select(p => p.Metadata.Labels.ValueOrNull(RevisionHistory.HashLabel)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var revisions = Cache.ControlledBy<V1ControllerRevision>(ds.Metadata.Uid).OrderBy(r => r.Revision ?? 0).ToList();
        var live = revisions
            .Where(r => r.Metadata.Name == current.Metadata.Name || liveHashes.Contains(r.Metadata.Labels.ValueOrNull(RevisionHistory.HashLabel) ?? r.Metadata.Name))
            .Select(r => r.Metadata.Name)
            .ToHashSet(StringComparer.Ordinal);
        _history.Truncate(revisions, live, ds.Spec.RevisionHistoryLimit ?? 10);
    }

    /// <summary>updateDaemonSetStatus: per eligible node its oldest pod counts (ready, available, updated).</summary>
    private void WriteStatus(V1DaemonSet ds, List<V1Node> nodes, List<V1Pod> pods, string hash, int collisionCount, DateTime now)
    {
        var byNode = PodsByNode(pods);
        var generation = DaemonSetPods.TemplateGeneration(ds);
        var minReadySeconds = ds.Spec.MinReadySeconds ?? 0;
        int desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
        foreach (var node in nodes)
        {
            var (shouldRun, _) = DaemonSetNodes.Evaluate(ds, node);
            var scheduled = byNode.TryGetValue(node.Metadata.Name, out var onNode) && onNode.Count > 0;
            if (!shouldRun)
            {
                misscheduled += scheduled ? 1 : 0;
                continue;
            }

            desired++;
            if (!scheduled)
            {
                continue;
            }

            current++;
            var pod = onNode![0];
            if (PodConditions.IsReady(pod))
            {
                ready++;
                if (PodConditions.IsAvailable(pod, minReadySeconds, now))
                {
                    available++;
                }
            }

            if (DaemonSetPods.IsUpdated(pod, hash, generation))
            {
                updated++;
            }
        }

        var status = new V1DaemonSetStatus
        {
            DesiredNumberScheduled = desired,
            CurrentNumberScheduled = current,
            NumberMisscheduled = misscheduled,
            NumberReady = ready,
            NumberAvailable = available,
            NumberUnavailable = desired - available,
            UpdatedNumberScheduled = updated,
            ObservedGeneration = ds.Metadata.Generation,
            CollisionCount = collisionCount == 0 && ds.Status?.CollisionCount is null ? null : collisionCount,
            Conditions = ds.Status?.Conditions,
        };
        if (!ModelEquality.SameJson(status, ds.Status))
        {
            var copy = ObjectCopies.Shallow(ds);
            copy.Status = status;
            Store.UpdateStatus(copy, FieldManagers.ControllerManager);
        }
    }

    private void RequeueWhenAvailable(ObjectKey key, V1DaemonSet ds, List<V1Pod> pods, DateTime now)
    {
        DateTime? earliest = null;
        foreach (var pod in pods)
        {
            if (PodConditions.AvailableAt(pod, ds.Spec.MinReadySeconds ?? 0, now) is { } at && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        if (earliest is { } due)
        {
            Queue.AddAfter(key, due - now + AfterAvailable);
        }
    }

    protected override void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1DaemonSet>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Node>.Type)
        {
            OnNodeChanged(change);
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type || change.Resource == ResourceOf<V1ControllerRevision>.Type)
        {
            EnqueueControllersOf(change);
        }
    }

    /// <summary>A node added, removed, or changed in what decides where daemons run (labels, taints, cordon).</summary>
    private void OnNodeChanged(CacheEvent change)
    {
        if (change.Old is V1Node old && change.Object is V1Node node && change.Type == WatchEventType.Modified
            && old.Metadata.Labels.SameAs(node.Metadata.Labels)
            && old.Spec?.Unschedulable == node.Spec?.Unschedulable
            && ModelEquality.SameJson(old.Spec?.Taints, node.Spec?.Taints))
        {
            return;
        }

        EnqueueExisting();
    }

    protected override bool CouldAdopt(V1DaemonSet workload, IDictionary<string, string>? labels) =>
        LabelSelectors.Matches(workload.Spec.Selector, labels);

    private static int ByAge(V1Pod a, V1Pod b)
    {
        var byAge = Nullable.Compare(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }
}
