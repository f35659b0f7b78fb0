using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// Which of the ConfigMaps and Secrets a pod needs to start are missing, as a kubelet would find them: a
/// non-optional volume, env key reference or envFrom whose object does not exist, or a key reference (env, volume
/// items) to a key the object does not have. Optional references and imagePullSecrets (which a kubelet only warns
/// about) are never missing.
/// </summary>
public static class ConfigAvailability
{
    /// <param name="keysOf">The keys of an object by kind and name; null when the object does not exist.</param>
    public static IReadOnlyList<MissingConfig> Missing(IEnumerable<ConfigReference> references, Func<string, string, IReadOnlySet<string>?> keysOf)
    {
        var missing = new List<MissingConfig>();
        foreach (var reference in references.Where(r => r.NeededToStart))
        {
            var keys = keysOf(reference.Kind, reference.Name);
            if (keys is null)
            {
                missing.Add(new MissingConfig(reference.Kind, reference.Name, reference.Where, null));
                continue;
            }

            missing.AddRange(reference.Keys.Where(k => !keys.Contains(k)).Select(k => new MissingConfig(reference.Kind, reference.Name, reference.Where, k)));
        }

        return missing;
    }

    /// <summary>
    /// The missing ones, reading from the cluster the objects <paramref name="provided"/> does not give (the objects
    /// an apply is about to write, by kind and name; null when the apply has no such object).
    /// </summary>
    public static async Task<IReadOnlyList<MissingConfig>> MissingAsync(
        KubeApiClient client, string @namespace, IReadOnlyList<ConfigReference> references, Func<string, string, JsonObject?> provided, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<(string, string), IReadOnlySet<string>?>();
        foreach (var (kind, name) in references.Where(r => r.NeededToStart).Select(r => (r.Kind, r.Name)).Distinct())
        {
            var obj = provided(kind, name)
                ?? await client.FindAsync<JsonObject>(kind == ConfigReference.Secret ? ApiResource.Secrets : ApiResource.ConfigMaps, @namespace, name, cancellationToken).ConfigureAwait(false);
            keys[(kind, name)] = obj is null ? null : ConfigData.Keys(obj);
        }

        return Missing(references, (kind, name) => keys.GetValueOrDefault((kind, name)));
    }
}
