using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Workloads;

/// <summary>Lists the workloads of some kinds in a namespace or in all of them (names only), for patterns and "no name = all".</summary>
public static class WorkloadLookup
{
    /// <param name="namespace">The namespace; null lists every namespace (-AllNamespaces).</param>
    public static async Task<IReadOnlyList<WorkloadReference>> FindAsync(
        KubeApiClient client, WorkloadSelector selector, string? @namespace, CancellationToken cancellationToken)
    {
        var found = new List<WorkloadReference>();
        foreach (var kind in selector.Kinds)
        {
            var names = await client.ListNamesAsync(ApiResource.For(kind), @namespace, cancellationToken).ConfigureAwait(false);
            found.AddRange(names.Select(n => new WorkloadReference(kind, n.Namespace ?? @namespace ?? string.Empty, n.Name)));
        }

        return selector.Filter(found);
    }
}
