using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>Waits, over a watch (list, then watch from its version; re-list when it ends), for the pods a selector matches to satisfy a condition.</summary>
public static class PodSetWatcher
{
    /// <summary>The pods once <paramref name="condition"/> holds, or the last ones seen when the timeout passes.</summary>
    public static async Task<(IReadOnlyList<V1Pod> Pods, bool Satisfied)> WaitUntilAsync(
        KubeApiClient client, string @namespace, string labelSelector, Func<IReadOnlyList<V1Pod>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var pods = new Dictionary<string, V1Pod>(StringComparer.Ordinal);
        IReadOnlyList<V1Pod> Snapshot() => pods.Values.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        try
        {
            while (true)
            {
                var list = await client.ListAsync<V1Pod>(ApiResource.Pods, @namespace, deadline.Token, labelSelector: labelSelector).ConfigureAwait(false);
                pods.Clear();
                foreach (var pod in list.Items)
                {
                    pods[pod.Metadata.Name] = pod;
                }

                if (condition(Snapshot()))
                {
                    return (Snapshot(), true);
                }

                try
                {
                    await foreach (var change in client.WatchAsync<V1Pod>(ApiResource.Pods, @namespace, list.ResourceVersion, deadline.Token, labelSelector: labelSelector).ConfigureAwait(false))
                    {
                        if (change.Kind == WatchEventKind.Bookmark)
                        {
                            continue;
                        }

                        if (change.Kind == WatchEventKind.Deleted)
                        {
                            pods.Remove(change.Object.Metadata.Name);
                        }
                        else
                        {
                            pods[change.Object.Metadata.Name] = change.Object;
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
