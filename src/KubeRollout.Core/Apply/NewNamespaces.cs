using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The namespaces an apply creates: those its manifests name that the cluster does not have yet. Objects in them
/// cannot be checked against the cluster before the apply writes; objects in a named namespace that exists can.
/// </summary>
internal static class NewNamespaces
{
    public static async Task<IReadOnlySet<string>> FindAsync(KubeApiClient client, IReadOnlyList<ManifestObject> manifests, CancellationToken cancellationToken)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in manifests.Where(m => m.Kind == "Namespace").Select(m => m.Name).Distinct(StringComparer.Ordinal))
        {
            if (await client.FindAsync<JsonObject>(ApiResource.Namespaces, null, name, cancellationToken).ConfigureAwait(false) is null)
            {
                created.Add(name);
            }
        }

        return created;
    }
}
