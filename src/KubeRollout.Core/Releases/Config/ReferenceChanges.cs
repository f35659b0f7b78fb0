using k8s.Models;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// The ConfigMaps and Secrets two pod templates reference differently in the same place (a volume, an env key
/// reference, an envFrom of a container): <c>From</c> null where only the second references one there, <c>To</c>
/// null where only the first does; each pair once. Pull secrets are left out: they carry no configuration.
/// </summary>
public static class ReferenceChanges
{
    public static IReadOnlyList<(string Kind, string? From, string? To)> Between(V1PodTemplateSpec? from, V1PodTemplateSpec? to)
    {
        var before = Places(from);
        var after = Places(to);
        return before.Keys.Union(after.Keys)
            .Select(place => (place.Kind, From: before.GetValueOrDefault(place), To: after.GetValueOrDefault(place)))
            .Where(p => p.From != p.To)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// A change cause for a rollout that versioned configuration made: the versions now referenced, with the ones
    /// they replace ("configmap vweb-config-6c7h9k2m8f (was vweb-config-5t2b4gkg7d)"); null when no reference changed.
    /// </summary>
    public static string? Describe(V1PodTemplateSpec? from, V1PodTemplateSpec? to)
    {
        var changes = Between(from, to).Where(c => c.To is not null).ToList();
        return changes.Count == 0
            ? null
            : "config " + string.Join("; ", changes.Select(c => $"{c.Kind.ToLowerInvariant()} {c.To}{(c.From is null ? string.Empty : $" (was {c.From})")}"));
    }

    private static Dictionary<(string Kind, string Where), string> Places(V1PodTemplateSpec? template) =>
        ConfigReferences.In(template)
            .Where(r => r.Usage != ConfigUsage.ImagePullSecret)
            .GroupBy(r => (r.Kind, r.Where))
            .ToDictionary(g => g.Key, g => g.First().Name);
}
