using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Core.Rollouts;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The record of what an apply set, kept on the object as an annotation so that the next apply can remove what the
/// manifest no longer sets. Secret values are recorded only as hashes: an annotation is readable by anyone who can
/// read the object.
/// </summary>
public static class LastAppliedConfiguration
{
    public static string Serialize(JsonObject manifest)
    {
        var copy = (JsonObject)manifest.DeepClone();
        if (copy["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations.Remove(WellKnownAnnotations.LastApplied);
            annotations.Remove(WellKnownAnnotations.KubectlLastApplied);
            if (annotations.Count == 0)
            {
                copy["metadata"]!.AsObject().Remove("annotations");
            }
        }

        if (copy["kind"]?.GetValue<string>() == "Secret")
        {
            HashValues(copy["data"] as JsonObject);
            HashValues(copy["stringData"] as JsonObject);
        }

        return copy.ToJsonString();
    }

    /// <summary>The configuration recorded on a live object, or null.</summary>
    public static JsonObject? Read(JsonObject live)
    {
        var text = live["metadata"]?["annotations"]?[WellKnownAnnotations.LastApplied]?.GetValue<string>()
            ?? live["metadata"]?["annotations"]?[WellKnownAnnotations.KubectlLastApplied]?.GetValue<string>();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a damaged record is treated as none: nothing is removed that the manifest does not say
        }
    }

    private static void HashValues(JsonObject? values)
    {
        foreach (var (key, value) in values?.ToList() ?? [])
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value?.ToJsonString() ?? string.Empty));
            values![key] = $"sha256:{Convert.ToHexString(hash).ToLowerInvariant()}";
        }
    }
}
