using System.Text.Json.Nodes;
using KubeRollout.Core.Apply;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// With -VersionConfig only the workloads of the same apply are pointed at a new version of a ConfigMap or Secret: a
/// new version applied without them reaches no pod, while the workloads of the namespace keep the versions they use.
/// Such a version's result gets a warning that names those workloads.
/// </summary>
internal static class UnusedConfigVersions
{
    public static async Task<IReadOnlyList<ApplyResult>> WarnAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> objects, IReadOnlyList<ConfigVersion> versions, IReadOnlyList<ApplyResult> results, CancellationToken cancellationToken)
    {
        var used = objects
            .SelectMany(o => ConfigReferences.InObject(o.Json).Select(r => (r.Kind, Namespace: o.Namespace ?? defaultNamespace, r.Name)))
            .ToHashSet();
        var unused = versions.Where(v => !used.Contains((v.Kind, v.Namespace, v.Name))).ToList();
        if (unused.Count == 0)
        {
            return results;
        }

        var workloads = new Dictionary<string, IReadOnlyList<(WorkloadKind Kind, JsonObject Object)>>(StringComparer.Ordinal);
        var warned = new List<ApplyResult>();
        foreach (var result in results)
        {
            var version = unused.FirstOrDefault(v => v.Kind == result.Kind && v.Namespace == result.Namespace && v.Name == result.Name);
            if (version is null || result.Action != ApplyAction.Created)
            {
                warned.Add(result);
                continue;
            }

            if (!workloads.TryGetValue(version.Namespace, out var inNamespace))
            {
                inNamespace = await ConfigDependents.ListWorkloadsAsync(client, version.Namespace, cancellationToken).ConfigureAwait(false);
                workloads[version.Namespace] = inNamespace;
            }

            var keeping = inNamespace
                .Where(w => ConfigReferences.InObject(w.Object, w.Kind.ToString()).Any(r =>
                    r.Kind == version.Kind && r.Name != version.Name && ConfigContentHash.IsVersionName(r.Name, version.BaseName)))
                .Select(w => $"{w.Kind.ToString().ToLowerInvariant()} {w.Object["metadata"]?["name"]?.GetValue<string>()}")
                .ToList();
            warned.Add(keeping.Count == 0 ? result : result with
            {
                Warnings =
                [
                    .. result.Warnings,
                    $"{version.Kind.ToLowerInvariant()}/{version.Name} is a new version of {version.BaseName}, but no workload of this apply uses it: " +
                    $"{string.Join(", ", keeping)} {(keeping.Count == 1 ? "uses an earlier version and keeps it" : "use earlier versions and keep them")}. " +
                    $"Apply their manifests together with {version.BaseName}'s (with -VersionConfig) to roll the new version out.",
                ],
            });
        }

        return warned;
    }
}
