using k8s.Models;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>Reads a <see cref="BlueGreenState"/>: the Service, then the namespace's Deployments, ReplicaSets and pods and the Service's EndpointSlices.</summary>
public static class BlueGreenStateReader
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public static async Task<BlueGreenState> ReadAsync(KubeApiClient client, string @namespace, string service, CancellationToken cancellationToken)
    {
        var found = await client.FindAsync<V1Service>(ApiResource.Services, @namespace, service, cancellationToken).ConfigureAwait(false)
            ?? throw BlueGreenErrors.ServiceNotFound(@namespace, service);
        return await ReadAsync(client, found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state around a given version of the Service (one an apply is about to write, say).</summary>
    public static async Task<BlueGreenState> ReadAsync(KubeApiClient client, V1Service found, CancellationToken cancellationToken)
    {
        var @namespace = found.Metadata.NamespaceProperty;
        var service = found.Metadata.Name;
        var deployments = client.ListAsync<V1Deployment>(ApiResource.Deployments, @namespace, cancellationToken);
        var replicaSets = client.ListAsync<V1ReplicaSet>(ApiResource.ReplicaSets, @namespace, cancellationToken);
        var pods = client.ListAsync<V1Pod>(ApiResource.Pods, @namespace, cancellationToken);
        var slices = client.ListAsync<V1EndpointSlice>(ApiResource.EndpointSlices, @namespace, cancellationToken, labelSelector: $"{ServiceNameLabel}={service}");
        await Task.WhenAll(deployments, replicaSets, pods, slices).ConfigureAwait(false);
        return new BlueGreenState(found, (await deployments.ConfigureAwait(false)).Items, (await replicaSets.ConfigureAwait(false)).Items, (await pods.ConfigureAwait(false)).Items, (await slices.ConfigureAwait(false)).Items);
    }
}
