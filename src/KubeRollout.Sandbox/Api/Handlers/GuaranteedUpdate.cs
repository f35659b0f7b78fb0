using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// The API server's GuaranteedUpdate for writes computed from the current object (patches): read, compute, write,
/// and when another write came in between, compute again from the newer object, for as long as the request lasts.
/// After a few lost races the attempt runs under the store's lock, where nothing can come in between, so that a
/// busy object cannot starve a patch. An attempt returns null to ask for another.
/// </summary>
internal static class GuaranteedUpdate
{
    private const int OptimisticAttempts = 3;

    public static T Run<T>(ClusterStore store, Func<T?> attempt, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempts = 1; ; attempts++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = attempts <= OptimisticAttempts ? attempt() : store.Atomically(attempt);
            if (result is not null)
            {
                return result;
            }
        }
    }
}
