using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Waiting;

/// <summary>
/// Waits for many rollouts at once over watches: one watch per namespace and kind (not per object), resumed from
/// its last resourceVersion when the server ends it and re-listed when that version has expired. Every status
/// change is reported to <c>progress</c> (called from the watches' threads, possibly at once); a workload stops being
/// waited for when its rollout completes, fails (progress deadline exceeded), is paused, waits for its OnDelete pods
/// to be deleted, or the workload is deleted (or was not there when the wait began).
/// </summary>
public static class RolloutWaiter
{
    public static bool IsWaitOver(RolloutStatus status) => status.IsFinal || status.State is RolloutState.Paused or RolloutState.WaitingForDeletion;

    /// <summary>The last status of each workload (in the order given) when all are over or the timeout passes.</summary>
    public static async Task<IReadOnlyList<RolloutStatus>> WaitAsync(
        KubeApiClient client, IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout, Action<RolloutStatus> progress, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit && limit > TimeSpan.Zero)
        {
            deadline.CancelAfter(limit);
        }

        var latest = new Dictionary<WorkloadReference, RolloutStatus>();
        var groups = workloads.Distinct().GroupBy(w => (w.Namespace, w.Kind));
        var tasks = groups.Select(g => WatchGroupAsync(client, g.Key.Kind, g.Key.Namespace, g.Select(w => w.Name).ToHashSet(), latest, progress, deadline.Token)).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout passed: report where each rollout stands
        }
        catch (Errors.KubeRolloutException e) when (e.Kind == Errors.FailureKind.OperationStopped && !cancellationToken.IsCancellationRequested)
        {
            // the timeout passed during a request
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (latest)
        {
            return workloads.Distinct().Select(w => latest.TryGetValue(w, out var s) ? s : Unknown(w)).ToList();
        }
    }

    private static async Task WatchGroupAsync(
        KubeApiClient client, WorkloadKind kind, string @namespace, HashSet<string> names, Dictionary<WorkloadReference, RolloutStatus> latest,
        Action<RolloutStatus> progress, CancellationToken cancellationToken)
    {
        var operations = RolloutOperations.For(kind);
        var pending = new HashSet<string>(names, StringComparer.Ordinal);
        var fieldSelector = names.Count == 1 ? $"metadata.name={names.First()}" : null;

        void Observe(string name, RolloutStatus status)
        {
            lock (latest)
            {
                var key = new WorkloadReference(kind, @namespace, name);
                if (latest.TryGetValue(key, out var previous) && previous.Message == status.Message && previous.State == status.State)
                {
                    return;
                }

                latest[key] = status;
            }

            progress(status);
            if (IsWaitOver(status))
            {
                pending.Remove(name);
            }
        }

        var firstList = true;
        while (pending.Count > 0)
        {
            var list = await ListAsync(client, operations, @namespace, fieldSelector, cancellationToken).ConfigureAwait(false);
            var present = list.Items.ToDictionary(o => o.Metadata.Name, StringComparer.Ordinal);
            foreach (var name in pending.ToList())
            {
                Observe(name, present.TryGetValue(name, out var obj) ? await StatusOfAsync(client, operations, obj, cancellationToken).ConfigureAwait(false)
                    : firstList ? NotFound(operations, @namespace, name)
                    : Deleted(kind, @namespace, name));
            }

            firstList = false;

            if (pending.Count == 0)
            {
                // every rollout was already over when listed: a watch would only wait for the timeout
                return;
            }

            var version = list.ResourceVersion;
            try
            {
                await foreach (var change in WatchAsync(client, operations, @namespace, version, fieldSelector, cancellationToken).ConfigureAwait(false))
                {
                    version = change.ResourceVersion ?? version;
                    var name = change.Object.Metadata?.Name;
                    if (change.Kind == WatchEventKind.Bookmark || name is null || !pending.Contains(name))
                    {
                        continue;
                    }

                    Observe(name, change.Kind == WatchEventKind.Deleted ? Deleted(kind, @namespace, name) : await StatusOfAsync(client, operations, change.Object, cancellationToken).ConfigureAwait(false));
                    if (pending.Count == 0)
                    {
                        return;
                    }
                }
            }
            catch (KubeApiException e) when (e.Reason is "Expired" or "Gone")
            {
                // too old to resume: the loop re-lists
            }
        }
    }

    /// <summary>
    /// The status of a watched object; a final one also carries the current revision number (StatefulSets and
    /// DaemonSets keep it in their ControllerRevisions, so it is read only once the wait is over for the object).
    /// </summary>
    private static async Task<RolloutStatus> StatusOfAsync(KubeApiClient client, IRolloutOperations operations, object workload, CancellationToken cancellationToken)
    {
        var status = operations.Evaluate(workload);
        if (!IsWaitOver(status) || status.Revision is not null)
        {
            return status;
        }

        try
        {
            return await operations.EvaluateWithRevisionAsync(client, workload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || e is Errors.KubeRolloutException { Kind: Errors.FailureKind.OperationStopped })
        {
            // the timeout passed while reading the revisions: the status the object gives is still the final one
            return status;
        }
    }

    private static Task<ListResult<IKubernetesObject<V1ObjectMeta>>> ListAsync(KubeApiClient client, IRolloutOperations operations, string @namespace, string? fieldSelector, CancellationToken cancellationToken) =>
        operations.Kind switch
        {
            WorkloadKind.Deployment => Cast(client.ListAsync<V1Deployment>(operations.Resource, @namespace, cancellationToken, fieldSelector: fieldSelector)),
            WorkloadKind.StatefulSet => Cast(client.ListAsync<V1StatefulSet>(operations.Resource, @namespace, cancellationToken, fieldSelector: fieldSelector)),
            _ => Cast(client.ListAsync<V1DaemonSet>(operations.Resource, @namespace, cancellationToken, fieldSelector: fieldSelector)),
        };

    private static IAsyncEnumerable<WatchEvent<IKubernetesObject<V1ObjectMeta>>> WatchAsync(KubeApiClient client, IRolloutOperations operations, string @namespace, string version, string? fieldSelector, CancellationToken cancellationToken) =>
        operations.Kind switch
        {
            WorkloadKind.Deployment => Cast(client.WatchAsync<V1Deployment>(operations.Resource, @namespace, version, cancellationToken, fieldSelector: fieldSelector)),
            WorkloadKind.StatefulSet => Cast(client.WatchAsync<V1StatefulSet>(operations.Resource, @namespace, version, cancellationToken, fieldSelector: fieldSelector)),
            _ => Cast(client.WatchAsync<V1DaemonSet>(operations.Resource, @namespace, version, cancellationToken, fieldSelector: fieldSelector)),
        };

    private static async Task<ListResult<IKubernetesObject<V1ObjectMeta>>> Cast<T>(Task<ListResult<T>> list)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var result = await list.ConfigureAwait(false);
        return new(result.Items.Cast<IKubernetesObject<V1ObjectMeta>>().ToList(), result.ResourceVersion);
    }

    private static async IAsyncEnumerable<WatchEvent<IKubernetesObject<V1ObjectMeta>>> Cast<T>(IAsyncEnumerable<WatchEvent<T>> events)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        await foreach (var change in events.ConfigureAwait(false))
        {
            yield return new(change.Kind, change.Object, change.ResourceVersion);
        }
    }

    private static RolloutStatus Deleted(WorkloadKind kind, string @namespace, string name) => new()
    {
        Kind = kind,
        Namespace = @namespace,
        Name = name,
        State = RolloutState.Deleted,
        Message = "object has been deleted",
    };

    /// <summary>Absent when the wait began: kubectl rollout status's GET says not found, not deleted.</summary>
    private static RolloutStatus NotFound(IRolloutOperations operations, string @namespace, string name) => new()
    {
        Kind = operations.Kind,
        Namespace = @namespace,
        Name = name,
        State = RolloutState.NotFound,
        Message = $"{operations.Resource.QualifiedName} \"{name}\" not found",
    };

    private static RolloutStatus Unknown(WorkloadReference workload) => new()
    {
        Kind = workload.Kind,
        Namespace = workload.Namespace,
        Name = workload.Name,
        State = RolloutState.Pending,
        Message = "timed out waiting for the condition",
    };
}
