using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>The orders the Deployment controller sorts ReplicaSets in (controller.ReplicaSetsBy…, deploymentutil.ReplicaSetsByRevision).</summary>
public static class ReplicaSetOrder
{
    /// <summary>Oldest first; equal times by name.</summary>
    public static int ByCreation(V1ReplicaSet a, V1ReplicaSet b)
    {
        var byTime = Nullable.Compare(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }

    /// <summary>Larger first; equal sizes older first (scaling down).</summary>
    public static int BySizeOlder(V1ReplicaSet a, V1ReplicaSet b)
    {
        var bySize = Size(b).CompareTo(Size(a));
        return bySize != 0 ? bySize : ByCreation(a, b);
    }

    /// <summary>Larger first; equal sizes newer first (scaling up).</summary>
    public static int BySizeNewer(V1ReplicaSet a, V1ReplicaSet b)
    {
        var bySize = Size(b).CompareTo(Size(a));
        return bySize != 0 ? bySize : ByCreation(b, a);
    }

    /// <summary>Lowest revision first; unparsable or equal revisions by creation.</summary>
    public static int ByRevision(V1ReplicaSet a, V1ReplicaSet b)
    {
        var revisionA = RevisionAnnotations.RevisionOf(a);
        var revisionB = RevisionAnnotations.RevisionOf(b);
        if (revisionA is null || revisionB is null || revisionA == revisionB)
        {
            return ByCreation(a, b);
        }

        return revisionA.Value.CompareTo(revisionB.Value);
    }

    public static List<V1ReplicaSet> Sorted(IEnumerable<V1ReplicaSet> replicaSets, Comparison<V1ReplicaSet> comparison)
    {
        var list = replicaSets.ToList();
        list.Sort(comparison);
        return list;
    }

    private static int Size(V1ReplicaSet rs) => rs.Spec.Replicas ?? 1;
}
