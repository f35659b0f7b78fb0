using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>The Deployment controller's arithmetic (deploymentutil): sizes, proportions, completeness, progress, deadline.</summary>
public static class RolloutMath
{
    /// <summary>
    /// How many replicas the new ReplicaSet should have now (NewRSNewReplicas).
    /// Difference from Kubernetes: an old ReplicaSet counts with max(spec.replicas, status.replicas), so pods it
    /// still has to delete count against maxSurge. The real controller counts spec.replicas only and, when the
    /// new ReplicaSet's pods are created before an old ReplicaSet's surplus is deleted, briefly runs more pods than
    /// replicas + maxSurge; the sandbox's in-memory controllers would make that race frequent, so the documented
    /// bound is kept for every state instead.
    /// </summary>
    public static int NewReplicaSetReplicas(V1Deployment d, IEnumerable<V1ReplicaSet?> allRSs, V1ReplicaSet newRS)
    {
        var replicas = DeploymentSpecs.Replicas(d);
        if (!DeploymentSpecs.IsRollingUpdate(d))
        {
            return replicas;
        }

        var maxSurge = DeploymentSpecs.ValueFromIntOrPercent(d.Spec.Strategy?.RollingUpdate?.MaxSurge?.Value ?? "25%", replicas, roundUp: true);
        var current = allRSs.OfType<V1ReplicaSet>().Sum(rs => rs.Metadata.Uid == newRS.Metadata.Uid
            ? ReplicaSetGroups.SpecReplicas(rs)
            : Math.Max(ReplicaSetGroups.SpecReplicas(rs), rs.Status?.Replicas ?? 0));
        var maxTotal = replicas + maxSurge;
        var newReplicas = ReplicaSetGroups.SpecReplicas(newRS);
        if (current >= maxTotal)
        {
            return newReplicas;
        }

        var scaleUp = Math.Min(maxTotal - current, replicas - newReplicas);
        return newReplicas + scaleUp;
    }

    /// <summary>The new ReplicaSet owns all desired replicas and all of them are available.</summary>
    public static bool IsSaturated(V1Deployment d, V1ReplicaSet? rs)
    {
        if (rs is null || RevisionAnnotations.DesiredReplicasOf(rs) is not { } desired)
        {
            return false;
        }

        var replicas = DeploymentSpecs.Replicas(d);
        return ReplicaSetGroups.SpecReplicas(rs) == replicas && desired == replicas && (rs.Status?.AvailableReplicas ?? 0) == replicas;
    }

    /// <summary>A ReplicaSet's share of replicas to add (or remove) in a proportional scale (GetProportion).</summary>
    public static int Proportion(V1ReplicaSet rs, V1Deployment d, int toAdd, int added)
    {
        if (ReplicaSetGroups.SpecReplicas(rs) == 0 || toAdd == 0 || toAdd == added)
        {
            return 0;
        }

        var fraction = Fraction(rs, d);
        var allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    /// <summary>updated == replicas == status.replicas == available, and the generation is observed.</summary>
    public static bool IsComplete(V1Deployment d, V1DeploymentStatus status)
    {
        var replicas = DeploymentSpecs.Replicas(d);
        return (status.UpdatedReplicas ?? 0) == replicas
            && (status.Replicas ?? 0) == replicas
            && (status.AvailableReplicas ?? 0) == replicas
            && (status.ObservedGeneration ?? 0) >= (d.Metadata.Generation ?? 0);
    }

    /// <summary>New pods updated, old pods gone, or more pods ready or available than before.</summary>
    public static bool IsProgressing(V1Deployment d, V1DeploymentStatus newStatus)
    {
        var oldStatus = d.Status ?? new V1DeploymentStatus();
        var oldStatusOldReplicas = (oldStatus.Replicas ?? 0) - (oldStatus.UpdatedReplicas ?? 0);
        var newStatusOldReplicas = (newStatus.Replicas ?? 0) - (newStatus.UpdatedReplicas ?? 0);
        return (newStatus.UpdatedReplicas ?? 0) > (oldStatus.UpdatedReplicas ?? 0)
            || newStatusOldReplicas < oldStatusOldReplicas
            || (newStatus.ReadyReplicas ?? 0) > (oldStatus.ReadyReplicas ?? 0)
            || (newStatus.AvailableReplicas ?? 0) > (oldStatus.AvailableReplicas ?? 0);
    }

    /// <summary>The Progressing condition was last updated longer than progressDeadlineSeconds ago.</summary>
    public static bool HasTimedOut(V1Deployment d, V1DeploymentStatus newStatus, DateTime now)
    {
        if (!DeploymentSpecs.HasProgressDeadline(d))
        {
            return false;
        }

        var condition = DeploymentConditions.Get(newStatus, DeploymentConditions.Progressing);
        if (condition is null || condition.Reason == DeploymentConditions.NewRSAvailableReason)
        {
            return false;
        }

        if (condition.Reason == DeploymentConditions.TimedOutReason)
        {
            return true;
        }

        return condition.LastUpdateTime is { } from && from.AddSeconds(DeploymentSpecs.ProgressDeadlineSeconds(d)) < now;
    }

    private static int Fraction(V1ReplicaSet rs, V1Deployment d)
    {
        var replicas = ReplicaSetGroups.SpecReplicas(rs);
        if (DeploymentSpecs.Replicas(d) == 0)
        {
            return -replicas;
        }

        var deploymentReplicas = DeploymentSpecs.Replicas(d) + DeploymentSpecs.MaxSurge(d);
        var annotated = RevisionAnnotations.MaxReplicasOf(rs) ?? d.Status?.Replicas ?? 0;
        if (annotated == 0)
        {
            return 0;
        }

        var newSize = (double)replicas * deploymentReplicas / annotated;
        return (int)Math.Round(newSize, MidpointRounding.AwayFromZero) - replicas;
    }
}
