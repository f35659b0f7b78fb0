using k8s;
using k8s.Models;

namespace KubeRollout.Core.Cluster;

/// <summary>Waits, over a watch (list, then watch from the list's version; re-list when the watch ends), for one object to satisfy a condition.</summary>
public static class ObjectWatcher
{
    /// <summary>The object once <paramref name="condition"/> holds (null: it does not exist), or the last one seen when the timeout passes.</summary>
    public static async Task<(T? Object, bool Satisfied)> WaitUntilAsync<T>(
        KubeApiClient client, ApiResource resource, string @namespace, string name, Func<T?, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var selector = $"metadata.name={name}";
        T? last = null;
        try
        {
            while (true)
            {
                var list = await client.ListAsync<T>(resource, @namespace, deadline.Token, fieldSelector: selector).ConfigureAwait(false);
                last = list.Items.FirstOrDefault();
                if (condition(last))
                {
                    return (last, true);
                }

                var version = list.ResourceVersion;
                try
                {
                    await foreach (var change in client.WatchAsync<T>(resource, @namespace, version, deadline.Token, fieldSelector: selector).ConfigureAwait(false))
                    {
                        if (change.Kind == WatchEventKind.Bookmark)
                        {
                            continue;
                        }

                        last = change.Kind == WatchEventKind.Deleted ? null : change.Object;
                        if (condition(last))
                        {
                            return (last, true);
                        }
                    }
                }
                catch (KubeApiException e) when (e.Reason is "Expired" or "Gone")
                {
                    // the version fell out of the server's window: re-list
                }
            }
        }
        catch (Errors.KubeRolloutException e) when (e.Kind == Errors.FailureKind.OperationStopped && !cancellationToken.IsCancellationRequested)
        {
            return (last, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (last, false);
        }
    }
}
