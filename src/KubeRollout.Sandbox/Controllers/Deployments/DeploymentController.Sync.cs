using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>sync.go: the new ReplicaSet and revisions, proportional scaling, history cleanup, status.</summary>
public sealed partial class DeploymentController
{
    /// <summary>Status only (a Deployment being deleted).</summary>
    private void SyncStatusOnly(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: false);
        SyncDeploymentStatus([.. oldRSs, newRS], newRS, d);
    }

    /// <summary>Scaling events and paused Deployments: scale (proportionally), clean up when paused, report status.</summary>
    private void SyncScalingAndCleanup(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: false);
        Scale(d, newRS, oldRSs);
        if (DeploymentSpecs.Paused(d))
        {
            CleanupDeployment(oldRSs, d);
        }

        SyncDeploymentStatus([.. oldRSs, newRS], newRS, d);
    }

    /// <summary>Marks pausing and resuming with an Unknown Progressing condition, so a resumed Deployment does not time out at once.</summary>
    private void CheckPausedConditions(V1Deployment d)
    {
        if (!DeploymentSpecs.HasProgressDeadline(d))
        {
            return;
        }

        var condition = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        if (condition?.Reason == DeploymentConditions.TimedOutReason)
        {
            return;
        }

        var pausedConditionExists = condition?.Reason == DeploymentConditions.PausedDeployReason;
        var paused = DeploymentSpecs.Paused(d);
        if (paused && !pausedConditionExists)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.PausedDeployReason, "Deployment is paused", Now));
        }
        else if (!paused && pausedConditionExists)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.ResumedDeployReason, "Deployment is resumed", Now));
        }
        else
        {
            return;
        }

        WriteStatus(d);
    }

    /// <summary>The new ReplicaSet (created when asked and missing) and all old ones, with revisions synced.</summary>
    private (V1ReplicaSet? NewRS, List<V1ReplicaSet> OldRSs) GetAllReplicaSetsAndSyncRevision(V1Deployment d, List<V1ReplicaSet> rsList, bool createIfNotExisted)
    {
        var oldRSs = ReplicaSetGroups.FindOld(d, rsList);
        var newRS = GetNewReplicaSet(d, rsList, oldRSs, createIfNotExisted);
        return (newRS, oldRSs);
    }

    private V1ReplicaSet? GetNewReplicaSet(V1Deployment d, List<V1ReplicaSet> rsList, List<V1ReplicaSet> oldRSs, bool createIfNotExisted)
    {
        var existing = ReplicaSetGroups.FindNew(d, rsList);
        var newRevision = (RevisionAnnotations.MaxRevision(oldRSs) + 1).ToString(CultureInfo.InvariantCulture);
        if (existing is not null)
        {
            return SyncExistingNewReplicaSet(d, existing, newRevision);
        }

        return createIfNotExisted ? CreateNewReplicaSet(d, oldRSs, newRevision) : null;
    }

    /// <summary>
    /// Brings the new ReplicaSet's annotations and minReadySeconds up to date (a re-used ReplicaSet gets the next
    /// revision number and its old one in revision-history), then copies its revision to the Deployment.
    /// </summary>
    private V1ReplicaSet SyncExistingNewReplicaSet(V1Deployment d, V1ReplicaSet existing, string newRevision)
    {
        var copy = ObjectCloner.Clone(existing);
        var annotationsUpdated = RevisionAnnotations.SetNewReplicaSetAnnotations(d, copy, newRevision, exists: true);
        var minReadySeconds = DeploymentSpecs.MinReadySeconds(d);
        if (annotationsUpdated || (copy.Spec.MinReadySeconds ?? 0) != minReadySeconds)
        {
            copy.Spec.MinReadySeconds = minReadySeconds;
            return Store.Update(copy, FieldManagers.ControllerManager);
        }

        var needsUpdate = RevisionAnnotations.SetDeploymentRevision(d, existing.Metadata.Annotations.ValueOrNull(RevisionAnnotations.Revision));
        if (DeploymentSpecs.HasProgressDeadline(d) && DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing) is null)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.FoundNewRSReason, $"Found new replica set \"{existing.Metadata.Name}\"", Now));
            needsUpdate = true;
        }

        if (needsUpdate)
        {
            WriteStatus(d);
        }

        return existing;
    }

    /// <summary>
    /// Creates <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>. A name taken by a ReplicaSet with another template
    /// is a hash collision: status.collisionCount goes up and the next sync tries another name.
    /// </summary>
    private V1ReplicaSet CreateNewReplicaSet(V1Deployment d, List<V1ReplicaSet> oldRSs, string newRevision)
    {
        var template = ObjectCloner.Clone(d.Spec.Template);
        var hash = PodTemplateHash.Compute(template, d.Status.CollisionCount);
        template.Metadata ??= new V1ObjectMeta();
        template.Metadata.Labels = new Dictionary<string, string>(d.Spec.Template.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            [PodTemplateHash.Label] = hash,
        };
        var selector = ObjectCloner.Clone(d.Spec.Selector);
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? new Dictionary<string, string>())
        {
            [PodTemplateHash.Label] = hash,
        };
        var newRS = new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new V1ObjectMeta
            {
                Name = $"{d.Metadata.Name}-{hash}",
                NamespaceProperty = d.Metadata.NamespaceProperty,
                OwnerReferences = [OwnerReferences.NewControllerRef(d, "apps/v1", "Deployment")],
                Labels = new Dictionary<string, string>(template.Metadata.Labels),
            },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = 0,
                MinReadySeconds = DeploymentSpecs.MinReadySeconds(d),
                Selector = selector,
                Template = template,
            },
        };
        var newReplicas = RolloutMath.NewReplicaSetReplicas(d, [.. oldRSs, newRS], newRS);
        newRS.Spec.Replicas = newReplicas;
        RevisionAnnotations.SetNewReplicaSetAnnotations(d, newRS, newRevision, exists: false);

        V1ReplicaSet created;
        var alreadyExisted = false;
        try
        {
            created = Store.Create(newRS, FieldManagers.ControllerManager);
        }
        catch (StoreException e) when (e.Reason == "AlreadyExists")
        {
            var taken = Cache.Get<V1ReplicaSet>(newRS.Metadata.NamespaceProperty, newRS.Metadata.Name);
            if (taken is null || !OwnerReferences.IsControlledBy(taken.Metadata, d) || !PodTemplateHash.EqualIgnoringHash(d.Spec.Template, taken.Spec.Template))
            {
                d.Status.CollisionCount = (d.Status.CollisionCount ?? 0) + 1;
                WriteStatus(d);
                throw;
            }

            created = taken;
            alreadyExisted = true;
        }
        catch (StoreException e) when (e is not StoreConflictException)
        {
            var message = $"Failed to create new replica set \"{newRS.Metadata.Name}\": {e.Message}";
            if (DeploymentSpecs.HasProgressDeadline(d))
            {
                DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "False", DeploymentConditions.FailedRSCreateReason, message, Now));
                TryWriteStatus(d);
            }

            Events.Warning(d, EventSource.DeploymentController, DeploymentConditions.FailedRSCreateReason, message);
            throw;
        }

        if (!alreadyExisted && newReplicas > 0)
        {
            Events.Normal(d, EventSource.DeploymentController, "ScalingReplicaSet", $"Scaled up replica set {created.Metadata.Name} from 0 to {newReplicas}");
        }

        var needsUpdate = RevisionAnnotations.SetDeploymentRevision(d, newRevision);
        if (!alreadyExisted && DeploymentSpecs.HasProgressDeadline(d))
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetReason, $"Created new replica set \"{created.Metadata.Name}\"", Now));
            needsUpdate = true;
        }

        if (needsUpdate)
        {
            WriteStatus(d);
        }

        return created;
    }

    /// <summary>
    /// Scales for a scaling event or a paused Deployment: one active ReplicaSet takes the whole size; a saturated new
    /// ReplicaSet leaves the old ones at zero; otherwise (rolling update) replicas are added or removed across the
    /// active ReplicaSets in proportion to their max-replicas annotation, leftovers to the largest.
    /// </summary>
    private void Scale(V1Deployment d, V1ReplicaSet? newRS, List<V1ReplicaSet> oldRSs)
    {
        var replicas = DeploymentSpecs.Replicas(d);
        if (ReplicaSetGroups.FindActiveOrLatest(newRS, oldRSs) is { } activeOrLatest)
        {
            if (ReplicaSetGroups.SpecReplicas(activeOrLatest) != replicas)
            {
                ScaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
            }

            return;
        }

        if (RolloutMath.IsSaturated(d, newRS))
        {
            foreach (var old in ReplicaSetGroups.Active(oldRSs))
            {
                ScaleReplicaSetAndRecordEvent(old, 0, d);
            }

            return;
        }

        if (!DeploymentSpecs.IsRollingUpdate(d))
        {
            return;
        }

        var allRSs = ReplicaSetGroups.Active([.. oldRSs, newRS]);
        var allowedSize = replicas > 0 ? replicas + DeploymentSpecs.MaxSurge(d) : 0;
        var toAdd = allowedSize - ReplicaSetGroups.SumSpecReplicas(allRSs);
        var operation = "up";
        if (toAdd > 0)
        {
            allRSs.Sort(ReplicaSetOrder.BySizeNewer);
        }
        else if (toAdd < 0)
        {
            allRSs.Sort(ReplicaSetOrder.BySizeOlder);
            operation = "down";
        }

        var added = 0;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rs in allRSs)
        {
            var proportion = toAdd != 0 ? RolloutMath.Proportion(rs, d, toAdd, added) : 0;
            sizes[rs.Metadata.Name] = ReplicaSetGroups.SpecReplicas(rs) + proportion;
            added += proportion;
        }

        for (var i = 0; i < allRSs.Count; i++)
        {
            var rs = allRSs[i];
            if (i == 0 && toAdd != 0)
            {
                sizes[rs.Metadata.Name] = Math.Max(0, sizes[rs.Metadata.Name] + toAdd - added);
            }

            ScaleReplicaSet(rs, sizes[rs.Metadata.Name], d, operation);
        }
    }

    private (bool Scaled, V1ReplicaSet ReplicaSet) ScaleReplicaSetAndRecordEvent(V1ReplicaSet rs, int newScale, V1Deployment d)
    {
        var current = ReplicaSetGroups.SpecReplicas(rs);
        if (current == newScale)
        {
            return (false, rs);
        }

        return ScaleReplicaSet(rs, newScale, d, current < newScale ? "up" : "down");
    }

    /// <summary>Sets spec.replicas and the desired/max-replicas annotations; records ScalingReplicaSet when the size changed.</summary>
    private (bool Scaled, V1ReplicaSet ReplicaSet) ScaleReplicaSet(V1ReplicaSet rs, int newScale, V1Deployment d, string operation)
    {
        var oldScale = ReplicaSetGroups.SpecReplicas(rs);
        var sizeNeedsUpdate = oldScale != newScale;
        var replicas = DeploymentSpecs.Replicas(d);
        var maxReplicas = replicas + DeploymentSpecs.MaxSurge(d);
        if (!sizeNeedsUpdate && !RevisionAnnotations.ReplicasAnnotationsNeedUpdate(rs, replicas, maxReplicas))
        {
            return (false, rs);
        }

        var copy = ObjectCopies.Shallow(rs);
        copy.Metadata = ObjectCopies.Shallow(rs.Metadata);
        copy.Metadata.Annotations = new Dictionary<string, string>(rs.Metadata.Annotations ?? new Dictionary<string, string>());
        copy.Spec = ObjectCopies.Shallow(rs.Spec);
        copy.Spec.Replicas = newScale;
        RevisionAnnotations.SetReplicasAnnotations(copy, replicas, maxReplicas);
        var updated = Store.Update(copy, FieldManagers.ControllerManager);
        if (sizeNeedsUpdate)
        {
            Events.Normal(d, EventSource.DeploymentController, "ScalingReplicaSet", $"Scaled {operation} replica set {rs.Metadata.Name} from {oldScale} to {newScale}");
        }

        return (sizeNeedsUpdate, updated);
    }

    /// <summary>
    /// Deletes the oldest old ReplicaSets beyond revisionHistoryLimit, only those scaled to zero with no pods left
    /// and their generation observed.
    /// </summary>
    private void CleanupDeployment(List<V1ReplicaSet> oldRSs, V1Deployment d)
    {
        if (!DeploymentSpecs.HasRevisionHistoryLimit(d))
        {
            return;
        }

        var cleanable = oldRSs.Where(rs => rs.Metadata.DeletionTimestamp is null).ToList();
        var diff = cleanable.Count - DeploymentSpecs.RevisionHistoryLimit(d);
        if (diff <= 0)
        {
            return;
        }

        cleanable.Sort(ReplicaSetOrder.ByRevision);
        for (var i = 0; i < diff; i++)
        {
            var rs = cleanable[i];
            if ((rs.Status?.Replicas ?? 0) != 0
                || ReplicaSetGroups.SpecReplicas(rs) != 0
                || (rs.Metadata.Generation ?? 0) > (rs.Status?.ObservedGeneration ?? 0))
            {
                continue;
            }

            try
            {
                Store.Delete<V1ReplicaSet>(rs.Metadata.NamespaceProperty, rs.Metadata.Name);
            }
            catch (StoreNotFoundException)
            {
            }
        }
    }

    private void SyncDeploymentStatus(List<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d)
    {
        var newStatus = CalculateStatus(allRSs, newRS, d);
        if (ModelEquality.SameJson(d.Status, newStatus))
        {
            return;
        }

        d.Status = newStatus;
        WriteStatus(d);
    }

    private V1DeploymentStatus CalculateStatus(List<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d)
    {
        var available = ReplicaSetGroups.SumAvailableReplicas(allRSs);
        var total = ReplicaSetGroups.SumSpecReplicas(allRSs);
        var status = new V1DeploymentStatus
        {
            ObservedGeneration = d.Metadata.Generation,
            Replicas = ReplicaSetGroups.SumStatusReplicas(allRSs),
            UpdatedReplicas = ReplicaSetGroups.SumStatusReplicas([newRS]),
            ReadyReplicas = ReplicaSetGroups.SumReadyReplicas(allRSs),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, total - available),
            TerminatingReplicas = ReplicaSetGroups.SumTerminatingReplicas(allRSs),
            CollisionCount = d.Status?.CollisionCount,
            Conditions = d.Status?.Conditions?.Select(ObjectCopies.Shallow).ToList(),
        };

        if (available >= DeploymentSpecs.Replicas(d) - DeploymentSpecs.MaxUnavailable(d))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(
                DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", Now));
        }
        else
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(
                DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", Now));
        }

        return status;
    }

    /// <summary>True when an active ReplicaSet's desired-replicas annotation differs from spec.replicas.</summary>
    private bool IsScalingEvent(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var (newRS, oldRSs) = GetAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted: false);
        var replicas = DeploymentSpecs.Replicas(d);
        return ReplicaSetGroups.Active([.. oldRSs, newRS])
            .Any(rs => RevisionAnnotations.DesiredReplicasOf(rs) is { } desired && desired != replicas);
    }

    private void TryWriteStatus(V1Deployment d)
    {
        try
        {
            WriteStatus(d);
        }
        catch (StoreException)
        {
            // The failure to create the ReplicaSet is the error that matters; it is reported and retried.
        }
    }
}
