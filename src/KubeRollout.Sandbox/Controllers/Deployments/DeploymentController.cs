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

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>
/// The Deployment controller (pkg/controller/deployment), split like the original: this file holds the event
/// handlers and syncDeployment; <c>.Sync</c> the new-ReplicaSet, scaling, cleanup and status logic; <c>.Rolling</c>
/// and <c>.Recreate</c> the strategies; <c>.Progress</c> the Progressing condition and deadline.
/// The Deployment is read from the cache and deep-copied once per sync (its status and annotations are worked on);
/// ReplicaSets are immutable snapshots that are copied only when written.
/// </summary>
public sealed partial class DeploymentController : WorkloadController<V1Deployment>
{

    public DeploymentController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("deployment-controller", "Deployment", store, cache, events, timers, logger)
    {
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1Deployment>(key) is not { } snapshot)
        {
            return;
        }

        var d = ObjectCloner.Clone(snapshot);
        d.Status ??= new V1DeploymentStatus();
        if (SelectsEverything(d.Spec.Selector))
        {
            Events.Warning(d, EventSource.DeploymentController, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            if ((d.Status.ObservedGeneration ?? 0) < (d.Metadata.Generation ?? 0))
            {
                d.Status.ObservedGeneration = d.Metadata.Generation;
                WriteStatus(d);
            }

            return;
        }

        var rsList = ReplicaSetsFor(d);
        if (d.Metadata.DeletionTimestamp is not null)
        {
            SyncStatusOnly(d, rsList);
            return;
        }

        CheckPausedConditions(d);
        if (DeploymentSpecs.Paused(d) || IsScalingEvent(d, rsList))
        {
            SyncScalingAndCleanup(d, rsList);
            return;
        }

        if (DeploymentSpecs.IsRecreate(d))
        {
            RolloutRecreate(d, rsList, PodsByReplicaSet(d, rsList));
        }
        else
        {
            RolloutRolling(d, rsList);
        }
    }

    /// <summary>The ReplicaSets the Deployment controls, after adopting matching orphans and releasing strays.</summary>
    private List<V1ReplicaSet> ReplicaSetsFor(V1Deployment d) =>
        Claimer.Claim(
            d,
            "apps/v1",
            "Deployment",
            d.Spec.Selector,
            Cache.ControlledBy<V1ReplicaSet>(d.Metadata.Uid),
            Cache.WithoutController<V1ReplicaSet>(d.Metadata.NamespaceProperty));

    /// <summary>The Deployment's pods (matching its selector) grouped by the uid of the ReplicaSet controlling them.</summary>
    private Dictionary<string, List<V1Pod>> PodsByReplicaSet(V1Deployment d, List<V1ReplicaSet> rsList) =>
        rsList.ToDictionary(
            rs => rs.Metadata.Uid,
            rs => Cache.ControlledBy<V1Pod>(rs.Metadata.Uid).Where(p => LabelSelectors.Matches(d.Spec.Selector, p.Metadata.Labels)).ToList(),
            StringComparer.Ordinal);

    /// <summary>
    /// Writes the status and, with it, the revision annotation, as the real controller does (the Deployment status
    /// strategy keeps annotations, and a status update never bumps the generation).
    /// </summary>
    private void WriteStatus(V1Deployment d)
    {
        var stored = Store.UpdateStatus(d, FieldManagers.ControllerManager);
        d.Metadata.ResourceVersion = stored.Metadata.ResourceVersion;
    }


    protected override void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Deployment>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1ReplicaSet>.Type)
        {
            EnqueueControllersOf(change, onEveryOrphanUpdate: true);
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type && change.Type == WatchEventType.Deleted)
        {
            OnPodDeleted((V1Pod)change.Object);
        }
    }

    protected override bool CouldAdopt(V1Deployment workload, IDictionary<string, string>? labels) =>
        !SelectsEverything(workload.Spec.Selector) && LabelSelectors.Matches(workload.Spec.Selector, labels);

    /// <summary>A Recreate rollout waits for old pods to be gone, so their deletion resyncs the Deployment.</summary>
    private void OnPodDeleted(V1Pod pod)
    {
        if (OwnerReferences.ControllerOf(pod.Metadata) is not { Kind: "ReplicaSet" } rsRef
            || Cache.Get<V1ReplicaSet>(pod.Metadata.NamespaceProperty, rsRef.Name) is not { } rs
            || rs.Metadata.Uid != rsRef.Uid
            || OwnerReferences.ControllerOf(rs.Metadata) is not { Kind: "Deployment" } dRef
            || Cache.Get<V1Deployment>(rs.Metadata.NamespaceProperty, dRef.Name) is not { } d
            || d.Metadata.Uid != dRef.Uid)
        {
            return;
        }

        if (DeploymentSpecs.IsRecreate(d))
        {
            Queue.Add(ObjectKey.Of(d));
        }
    }

    private static bool SelectsEverything(V1LabelSelector? selector) =>
        selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0);
}
