namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// The revisions a controller keeps when it cleans up history: every revision in use (the current one, one with
/// replicas or pods) and, of the others, the newest <c>revisionHistoryLimit</c> by revision number — the Deployment
/// controller's cleanupDeployment, the StatefulSet controller's truncateHistory and the DaemonSet controller's
/// cleanupHistory all keep these.
/// </summary>
public static class RetainedRevisions
{
    public const int DefaultLimit = 10;

    public static IReadOnlyList<T> Select<T>(IEnumerable<T> revisions, Func<T, long> number, Func<T, bool> inUse, int? limit)
    {
        var all = revisions.ToList();
        var kept = all.Where(inUse).ToList();
        kept.AddRange(all.Where(r => !inUse(r)).OrderByDescending(number).Take(Math.Max(0, limit ?? DefaultLimit)));
        return kept;
    }
}
