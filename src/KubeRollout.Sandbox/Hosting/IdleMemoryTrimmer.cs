using System.Runtime;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// Gives memory back to the system once a burst of work is over. After a large rollout the GC keeps the space the
/// burst's garbage took (committed, ready for the next burst): on this machine 220-260 MB for a heap of 110 MB
/// after 10,000 pods. When the sandbox has been quiet for a while (it allocates little) and holds far more than it
/// uses, one compacting collection returns the rest; it pauses the sandbox for a moment, once after each burst.
/// </summary>
internal static class IdleMemoryTrimmer
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Allocations in one interval below this count as quiet (node heartbeats and timers, no rollout).</summary>
    private const long QuietAllocatedBytes = 32L * 1024 * 1024;

    /// <summary>Committed memory beyond the heap, above which a quiet sandbox trims.</summary>
    private const long SlackBytes = 64L * 1024 * 1024;

    /// <summary>What makes a burst: a sandbox that allocated less since its last trim has nothing to give back.</summary>
    private const long BurstAllocatedBytes = 256L * 1024 * 1024;

    /// <summary>Quiet in the last interval, holding much more than it uses, and a burst since the last trim.</summary>
    public static bool ShouldTrim(long allocatedInInterval, long slack, long allocatedSinceTrim) =>
        allocatedInInterval < QuietAllocatedBytes && slack > SlackBytes && allocatedSinceTrim > BurstAllocatedBytes;

    public static async Task RunAsync(ILogger logger, CancellationToken stopping)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var trimmedAt = allocated;
        try
        {
            while (true)
            {
                await Task.Delay(Interval, stopping).ConfigureAwait(false);
                var now = GC.GetTotalAllocatedBytes();
                var memory = GC.GetGCMemoryInfo();
                var slack = memory.TotalCommittedBytes - memory.HeapSizeBytes;
                var trim = ShouldTrim(now - allocated, slack, now - trimmedAt);
                allocated = now;
                if (trim)
                {
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    logger.LogDebug("Quiet with {Slack} MB committed beyond the heap: trimmed.", slack / (1024 * 1024));
                    allocated = trimmedAt = GC.GetTotalAllocatedBytes();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
