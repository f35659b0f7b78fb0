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

    private readonly Rank[] _ranks;

    private PodDeletionRanking(Rank[] ranks) => _ranks = ranks;

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

        // Each pod's sort keys are read once, not at every comparison of a sort of thousands of pods.
        var ranks = new Rank[candidates.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = Rank.Of(candidates[i], perNode.GetValueOrDefault(candidates[i].Spec?.NodeName ?? string.Empty), now);
        }

        var order = Enumerable.Range(0, candidates.Count).ToList();
        order.Sort(new PodDeletionRanking(ranks));
        return order.Take(count).Select(i => candidates[i]).ToList();
    }

    public int Compare(int x, int y)
    {
        if (x == y)
        {
            return 0;
        }

        return Less(_ranks[x], _ranks[y]) ? -1 : Less(_ranks[y], _ranks[x]) ? 1 : 0;
    }

    private static bool Less(in Rank a, in Rank b)
    {
        if (a.Node != b.Node && (a.Node.Length == 0 || b.Node.Length == 0))
        {
            return a.Node.Length == 0;
        }

        if (a.Phase != b.Phase)
        {
            return a.Phase < b.Phase;
        }

        if (a.Ready != b.Ready)
        {
            return !a.Ready;
        }

        if (a.DeletionCost != b.DeletionCost)
        {
            return a.DeletionCost < b.DeletionCost;
        }

        if (a.Colocated != b.Colocated)
        {
            return a.Colocated > b.Colocated;
        }

        if (a.Ready && b.Ready && a.ReadySince != b.ReadySince)
        {
            return LaterFirst(a.ReadySince, a.ReadySinceRank, b.ReadySince, b.ReadySinceRank, a.Uid, b.Uid);
        }

        if (a.Restarts != b.Restarts)
        {
            return a.Restarts > b.Restarts;
        }

        return a.Created != b.Created && LaterFirst(a.Created, a.CreatedRank, b.Created, b.CreatedRank, a.Uid, b.Uid);
    }

    /// <summary>Empty before set; otherwise the later time first, compared by log2 of its age (ties by uid).</summary>
    private static bool LaterFirst(DateTime? t1, long rank1, DateTime? t2, long rank2, string? uid1, string? uid2)
    {
        if (t1 is null || t2 is null)
        {
            return t1 is null;
        }

        var rankDiff = rank1 - rank2;
        if (rankDiff == 0)
        {
            return string.CompareOrdinal(uid1, uid2) < 0;
        }

        return rankDiff < 0;
    }

    private static long LogRank(DateTime? time, DateTime now)
    {
        if (time is null)
        {
            return 0;
        }

        var age = (now - time.Value).Ticks * 100; // Go durations are nanoseconds
        return age > 0 ? (long)Math.Log2(age) : -1;
    }

    private static int PhaseOrdinal(V1Pod pod) => pod.Status?.Phase switch
    {
        PodConditions.Unknown => 1,
        PodConditions.Running => 2,
        _ => 0,
    };

    private static int DeletionCostOf(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(DeletionCostAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost)
            ? cost
            : 0;

    /// <summary>What the ranking compares of one pod.</summary>
    private readonly record struct Rank(
        string Node, int Phase, bool Ready, int DeletionCost, int Colocated, DateTime? ReadySince, long ReadySinceRank,
        int Restarts, DateTime? Created, long CreatedRank, string? Uid)
    {
        public static Rank Of(V1Pod pod, int colocated, DateTime now)
        {
            var readySince = PodConditions.ReadySince(pod);
            var created = pod.Metadata.CreationTimestamp;
            return new Rank(
                pod.Spec?.NodeName ?? string.Empty, PhaseOrdinal(pod), PodConditions.IsReady(pod), DeletionCostOf(pod), colocated,
                readySince, LogRank(readySince, now), PodConditions.MaxContainerRestarts(pod), created, LogRank(created, now), pod.Metadata.Uid);
        }
    }
}
