using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Controllers.ReplicaSets;

/// <summary>
/// Which pods a ReplicaSet deletes first when it scales down (controller.ActivePodsWithRanks, with the
/// PodDeletionCost and LogarithmicScaleDown features on, as in 1.35):
/// unassigned before assigned; Pending before Unknown before Running; not ready before ready; lower
/// controller.kubernetes.io/pod-deletion-cost first; more colocated related pods first; ready for a shorter time
/// first; more container restarts first; newer first (times compared on a log2 scale, ties broken by uid).
/// </summary>
public sealed class PodDeletionRanking : IComparer<int>
{
    private const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    private readonly IReadOnlyList<V1Pod> _pods;
    private readonly IReadOnlyList<int> _colocated;
    private readonly DateTime _now;

    private PodDeletionRanking(IReadOnlyList<V1Pod> pods, IReadOnlyList<int> colocated, DateTime now)
    {
        _pods = pods;
        _colocated = colocated;
        _now = now;
    }

    /// <summary>
    /// The <paramref name="count"/> pods to delete. <paramref name="related"/> are the active pods of this ReplicaSet
    /// and its siblings (same owner); a pod's rank is the number of them on its node.
    /// </summary>
    public static List<V1Pod> PodsToDelete(IReadOnlyList<V1Pod> candidates, IReadOnlyList<V1Pod> related, int count, DateTime now)
    {
        if (count >= candidates.Count)
        {
            return [.. candidates];
        }

        var perNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in related)
        {
            if (PodConditions.IsActive(pod))
            {
                var node = pod.Spec?.NodeName ?? string.Empty;
                perNode[node] = perNode.GetValueOrDefault(node) + 1;
            }
        }

        var colocated = candidates.Select(p => perNode.GetValueOrDefault(p.Spec?.NodeName ?? string.Empty)).ToList();
        var order = Enumerable.Range(0, candidates.Count).ToList();
        order.Sort(new PodDeletionRanking(candidates, colocated, now));
        return order.Take(count).Select(i => candidates[i]).ToList();
    }

    public int Compare(int x, int y)
    {
        if (x == y)
        {
            return 0;
        }

        return Less(x, y) ? -1 : Less(y, x) ? 1 : 0;
    }

    private bool Less(int i, int j)
    {
        var a = _pods[i];
        var b = _pods[j];
        var nodeA = a.Spec?.NodeName ?? string.Empty;
        var nodeB = b.Spec?.NodeName ?? string.Empty;
        if (nodeA != nodeB && (nodeA.Length == 0 || nodeB.Length == 0))
        {
            return nodeA.Length == 0;
        }

        if (PhaseOrdinal(a) != PhaseOrdinal(b))
        {
            return PhaseOrdinal(a) < PhaseOrdinal(b);
        }

        var readyA = PodConditions.IsReady(a);
        var readyB = PodConditions.IsReady(b);
        if (readyA != readyB)
        {
            return !readyA;
        }

        var costA = DeletionCost(a);
        var costB = DeletionCost(b);
        if (costA != costB)
        {
            return costA < costB;
        }

        if (_colocated[i] != _colocated[j])
        {
            return _colocated[i] > _colocated[j];
        }

        if (readyA && readyB)
        {
            var sinceA = PodConditions.ReadySince(a);
            var sinceB = PodConditions.ReadySince(b);
            if (sinceA != sinceB)
            {
                return LaterFirst(sinceA, sinceB, a, b);
            }
        }

        var restartsA = PodConditions.MaxContainerRestarts(a);
        var restartsB = PodConditions.MaxContainerRestarts(b);
        if (restartsA != restartsB)
        {
            return restartsA > restartsB;
        }

        var createdA = a.Metadata.CreationTimestamp;
        var createdB = b.Metadata.CreationTimestamp;
        return createdA != createdB && LaterFirst(createdA, createdB, a, b);
    }

    /// <summary>Empty before set; otherwise the later time first, compared by log2 of its age.</summary>
    private bool LaterFirst(DateTime? t1, DateTime? t2, V1Pod a, V1Pod b)
    {
        if (t1 is null || t2 is null)
        {
            return t1 is null;
        }

        var rankDiff = LogRank(t1.Value) - LogRank(t2.Value);
        if (rankDiff == 0)
        {
            return string.CompareOrdinal(a.Metadata.Uid, b.Metadata.Uid) < 0;
        }

        return rankDiff < 0;
    }

    private long LogRank(DateTime time)
    {
        var age = (_now - time).Ticks * 100; // Go durations are nanoseconds
        return age > 0 ? (long)Math.Log2(age) : -1;
    }

    private static int PhaseOrdinal(V1Pod pod) => pod.Status?.Phase switch
    {
        PodConditions.Unknown => 1,
        PodConditions.Running => 2,
        _ => 0,
    };

    private static int DeletionCost(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(DeletionCostAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost)
            ? cost
            : 0;
}
