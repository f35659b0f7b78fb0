using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>The Deployments, StatefulSets and DaemonSets of a namespace whose pod templates reference a ConfigMap or Secret.</summary>
public static class ConfigDependents
{
    private static readonly WorkloadKind[] Kinds = [WorkloadKind.Deployment, WorkloadKind.StatefulSet, WorkloadKind.DaemonSet];

    /// <summary>The workloads among <paramref name="workloads"/> that reference the object, in the order given.</summary>
    public static IReadOnlyList<ConfigDependent> Of(string kind, string name, IEnumerable<(WorkloadKind Kind, JsonObject Object)> workloads)
    {
        var dependents = new List<ConfigDependent>();
        foreach (var (workloadKind, workload) in workloads)
        {
            var references = ConfigReferences.InObject(workload, workloadKind.ToString()).Where(r => r.Kind == kind && r.Name == name).ToList();
            if (references.Count > 0)
            {
                var metadata = workload["metadata"];
                dependents.Add(new ConfigDependent(
                    workloadKind,
                    metadata?["namespace"]?.GetValue<string>() ?? string.Empty,
                    metadata?["name"]?.GetValue<string>() ?? string.Empty,
                    references.Select(r => r.Where).Distinct(StringComparer.Ordinal).ToList(),
                    references.Any(r => r.ReadAtStart)));
            }
        }

        return dependents;
    }

    /// <summary>Every Deployment, StatefulSet and DaemonSet of the namespace, as the API has them.</summary>
    public static async Task<IReadOnlyList<(WorkloadKind Kind, JsonObject Object)>> ListWorkloadsAsync(KubeApiClient client, string @namespace, CancellationToken cancellationToken)
    {
        var workloads = new List<(WorkloadKind, JsonObject)>();
        foreach (var kind in Kinds)
        {
            var list = await client.ListAsync<JsonObject>(ApiResource.For(kind), @namespace, cancellationToken).ConfigureAwait(false);
            workloads.AddRange(list.Items.OrderBy(w => w["metadata"]?["name"]?.GetValue<string>(), StringComparer.Ordinal).Select(w => (kind, w)));
        }

        return workloads;
    }
}
