using k8s;
using k8s.Models;

namespace KubeRollout.Core.Cluster;

/// <summary>
/// Waits, over a watch (list, then watch from its version; re-list when it ends), for the objects of a kind that a
/// label selector (and a field selector) match in a namespace to satisfy a condition.
/// </summary>
public static class ObjectSetWatcher
{
    /// <summary>The objects once <paramref name="condition"/> holds, or the last ones seen when the timeout passes.</summary>
    public static async Task<(IReadOnlyList<T> Objects, bool Satisfied)> WaitUntilAsync<T>(
        KubeApiClient client, ApiResource resource, string @namespace, string? labelSelector, Func<IReadOnlyList<T>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken,
        string? fieldSelector = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var objects = new Dictionary<string, T>(StringComparer.Ordinal);
        IReadOnlyList<T> Snapshot() => objects.Values.OrderBy(o => o.Metadata.Name, StringComparer.Ordinal).ToList();
        try
        {
            while (true)
            {
                var list = await client.ListAsync<T>(resource, @namespace, deadline.Token, labelSelector: labelSelector, fieldSelector: fieldSelector).ConfigureAwait(false);
                objects.Clear();
                foreach (var item in list.Items)
                {
                    objects[item.Metadata.Name] = item;
                }

                if (condition(Snapshot()))
                {
                    return (Snapshot(), true);
                }

                try
                {
                    await foreach (var change in client.WatchAsync<T>(resource, @namespace, list.ResourceVersion, deadline.Token, labelSelector: labelSelector, fieldSelector: fieldSelector).ConfigureAwait(false))
                    {
                        if (change.Kind == WatchEventKind.Bookmark)
                        {
                            continue;
                        }

                        if (change.Kind == WatchEventKind.Deleted)
                        {
                            objects.Remove(change.Object.Metadata.Name);
                        }
                        else
                        {
                            objects[change.Object.Metadata.Name] = change.Object;
                        }

                        if (condition(Snapshot()))
                        {
                            return (Snapshot(), true);
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
            return (Snapshot(), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Snapshot(), false);
        }
    }
}
