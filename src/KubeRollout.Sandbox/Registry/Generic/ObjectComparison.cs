using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// Whether a write changes anything: etcd skips a write whose bytes equal the stored ones, so everything but the
/// resourceVersion counts, managedFields included (a write that only moves field ownership is a real write).
/// </summary>
internal static class ObjectComparison
{
    public static bool Same(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        Same(ModelJson.ToNode(candidate), ModelJson.ToNode(stored));

    private static bool Same(JsonObject candidate, JsonObject stored)
    {
        (candidate["metadata"] as JsonObject)?.Remove("resourceVersion");
        (stored["metadata"] as JsonObject)?.Remove("resourceVersion");
        return JsonNode.DeepEquals(candidate, stored);
    }

    /// <summary>Two parts of model objects (specs, templates) are equal as the API's semantic equality sees them.</summary>
    public static bool SameValue(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && ModelJson.SerializeToUtf8(a).AsSpan().SequenceEqual(ModelJson.SerializeToUtf8(b)));

    /// <summary>Maps are equal with null and empty alike (Semantic.DeepEqual).</summary>
    public static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));
}
