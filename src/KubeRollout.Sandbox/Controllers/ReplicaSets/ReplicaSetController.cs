using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.ReplicaSets;

/// <summary>
/// Keeps spec.replicas pods of a ReplicaSet's template running (pkg/controller/replicaset): claims pods by selector
/// (adopting orphans, releasing pods that stopped matching), creates missing pods named <c>&lt;rs&gt;-xxxxx</c>,
/// deletes surplus pods in <see cref="PodDeletionRanking"/> order (at most 500 per sync, as burstReplicas), and
/// reports replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, terminatingReplicas and
/// observedGeneration. It resyncs when a Ready pod will pass minReadySeconds.
/// </summary>
public sealed class ReplicaSetController : WorkloadController<V1ReplicaSet>
{
    private const int BurstReplicas = 500;
    private static readonly TimeSpan AfterAvailable = TimeSpan.FromMilliseconds(10);

    public ReplicaSetController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("replicaset-controller", "ReplicaSet", store, cache, events, timers, logger)
    {
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1ReplicaSet>(key) is not { } rs)
        {
            return;
        }

        var now = Now;
        var claimed = Claimer.Claim(
            rs,
            "apps/v1",
            "ReplicaSet",
            rs.Spec.Selector,
            Cache.ControlledBy<V1Pod>(rs.Metadata.Uid),
            Cache.WithoutController<V1Pod>(rs.Metadata.NamespaceProperty).Where(p => !PodConditions.IsTerminal(p)));
        var active = claimed.Where(PodConditions.IsActive).ToList();
        var terminating = claimed.Where(PodConditions.IsTerminating).ToList();

        StoreException? manageError = null;
        if (rs.Metadata.DeletionTimestamp is null)
        {
            try
            {
                ManageReplicas(rs, active, now);
            }
            catch (StoreException e) when (e is not StoreConflictException)
            {
                manageError = e;
            }
        }

        var status = ReplicaSetStatusCalculator.Calculate(rs, active, terminating, manageError, now);
        if (!ModelEquality.SameJson(status, rs.Status))
        {
            var updated = ObjectCopies.Shallow(rs);
            updated.Status = status;
            Store.UpdateStatus(updated, FieldManagers.ControllerManager);
        }

        RequeueWhenAvailable(key, rs, active, now);
        if (manageError is not null)
        {
            throw manageError;
        }
    }

    private void ManageReplicas(V1ReplicaSet rs, List<V1Pod> active, DateTime now)
    {
        var diff = active.Count - (rs.Spec.Replicas ?? 1);
        if (diff < 0)
        {
            if (rs.Spec.Template is not { } template || !LabelSelectors.Matches(rs.Spec.Selector, template.Metadata?.Labels))
            {
                // API validation rejects this; without it, every pod created would be an orphan and creation would never stop.
                throw new StoreException(422, "Invalid", "`selector` does not match template `labels`");
            }

            var controllerRef = OwnerReferences.NewControllerRef(rs, "apps/v1", "ReplicaSet");
            for (var i = 0; i < Math.Min(-diff, BurstReplicas); i++)
            {
                var pod = PodTemplates.NewPod(template, rs.Metadata.NamespaceProperty, controllerRef, generateName: rs.Metadata.Name + "-");
                try
                {
                    var created = Store.Create(pod, FieldManagers.ControllerManager);
                    Events.Normal(rs, EventSource.ReplicaSetController, "SuccessfulCreate", $"Created pod: {created.Metadata.Name}");
                }
                catch (StoreException e)
                {
                    Events.Warning(rs, EventSource.ReplicaSetController, "FailedCreate", $"Error creating: {e.Message}");
                    throw;
                }
            }
        }
        else if (diff > 0)
        {
            var related = RelatedPods(rs);
            foreach (var pod in PodDeletionRanking.PodsToDelete(active, related, Math.Min(diff, BurstReplicas), now))
            {
                try
                {
                    Store.Delete<V1Pod>(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
                    Events.Normal(rs, EventSource.ReplicaSetController, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}");
                }
                catch (StoreNotFoundException)
                {
                }
                catch (StoreException e)
                {
                    Events.Warning(rs, EventSource.ReplicaSetController, "FailedDelete", $"Error deleting: {e.Message}");
                    throw;
                }
            }
        }
    }

    /// <summary>The pods of this ReplicaSet and of the ReplicaSets that share its controller (its Deployment's).</summary>
    private List<V1Pod> RelatedPods(V1ReplicaSet rs)
    {
        if (OwnerReferences.ControllerOf(rs.Metadata) is not { Uid: { } ownerUid })
        {
            return Cache.ControlledBy<V1Pod>(rs.Metadata.Uid);
        }

        return Cache.ControlledBy<V1ReplicaSet>(ownerUid)
            .SelectMany(sibling => Cache.ControlledBy<V1Pod>(sibling.Metadata.Uid))
            .ToList();
    }

    private void RequeueWhenAvailable(ObjectKey key, V1ReplicaSet rs, List<V1Pod> active, DateTime now)
    {
        var minReadySeconds = rs.Spec.MinReadySeconds ?? 0;
        DateTime? earliest = null;
        foreach (var pod in active)
        {
            if (PodConditions.AvailableAt(pod, minReadySeconds, now) is { } at && (earliest is null || at < earliest))
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
        if (change.Resource == ResourceOf<V1ReplicaSet>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type)
        {
            EnqueueControllersOf(change);
        }
    }

    protected override bool CouldAdopt(V1ReplicaSet workload, IDictionary<string, string>? labels) =>
        LabelSelectors.Matches(workload.Spec.Selector, labels);
}
