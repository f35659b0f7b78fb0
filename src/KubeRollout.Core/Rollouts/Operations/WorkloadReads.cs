using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>Reading a workload, with "not found" reported as kubectl words it.</summary>
internal static class WorkloadReads
{
    public static async Task<T> GetAsync<T>(KubeApiClient client, ApiResource resource, WorkloadReference workload, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await client.GetAsync<T>(resource, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw NotFound(resource, workload);
        }
    }

    public static KubeRolloutException NotFound(ApiResource resource, WorkloadReference workload) =>
        new("WorkloadNotFound", FailureKind.ObjectNotFound, $"{resource.QualifiedName} \"{workload.Name}\" not found", workload);
}
