namespace KubeRollout.Core.Cluster;

/// <summary>
/// Runs a read-modify-write until it is not refused with 409 Conflict: each attempt reads afresh, so concurrent
/// changes by others are kept instead of overwritten.
/// </summary>
public static class ConflictRetry
{
    public const int MaxAttempts = 8;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.IsConflict && number < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * number), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
