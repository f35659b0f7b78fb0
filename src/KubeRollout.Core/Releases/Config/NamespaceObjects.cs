using k8s.Models;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Releases.Config;

/// <summary>What a namespace holds that can reference a config version: workloads, their revisions, pods, jobs.</summary>
public sealed record NamespaceObjects(
    IReadOnlyList<V1Deployment> Deployments,
    IReadOnlyList<V1ReplicaSet> ReplicaSets,
    IReadOnlyList<V1StatefulSet> StatefulSets,
    IReadOnlyList<V1DaemonSet> DaemonSets,
    IReadOnlyList<V1ControllerRevision> ControllerRevisions,
    IReadOnlyList<V1Pod> Pods,
    IReadOnlyList<V1Job> Jobs,
    IReadOnlyList<V1CronJob> CronJobs)
{
    public static async Task<NamespaceObjects> ReadAsync(KubeApiClient client, string @namespace, CancellationToken cancellationToken) => new(
        await ListAsync<V1Deployment>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1ReplicaSet>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1StatefulSet>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1DaemonSet>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1ControllerRevision>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1Pod>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1Job>(client, @namespace, cancellationToken).ConfigureAwait(false),
        await ListAsync<V1CronJob>(client, @namespace, cancellationToken).ConfigureAwait(false));

    /// <summary>The objects of a kind; none when the cluster does not serve the kind (a cluster without batch/v1).</summary>
    private static async Task<IReadOnlyList<T>> ListAsync<T>(KubeApiClient client, string @namespace, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ListAsync<T>(ApiResource.For(typeof(T)), @namespace, cancellationToken).ConfigureAwait(false)).Items;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return [];
        }
    }
}
