using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Revisions;

/// <summary>
/// The data of a StatefulSet's or DaemonSet's ControllerRevision, as their getPatch builds it: the strategic merge
/// patch <c>{"spec":{"template":{"$patch":"replace",…}}}</c> that kubectl applies for <c>rollout history --revision</c>
/// and sends for <c>rollout undo</c>. Like Go's json.Marshal of a map, keys are sorted at every level and the text is
/// compact, so equal templates give equal bytes.
/// </summary>
public static class TemplatePatch
{
    private static readonly ConditionalWeakTable<V1ControllerRevision, string> DataTexts = new();

    public static string Build(V1PodTemplateSpec template)
    {
        var templateNode = ModelJson.ToNode(template);
        templateNode["$patch"] = "replace";
        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = templateNode } };
        return Sorted(patch);
    }

    /// <summary>The revision's data as sorted compact text (revisions in the cache are immutable, so computed once).</summary>
    public static string DataOf(V1ControllerRevision revision) =>
        DataTexts.GetValue(revision, static r => r.Data is null ? string.Empty : Sorted(JsonNode.Parse(KubernetesJson.Serialize(r.Data))));

    /// <summary>Raw JSON for <see cref="V1ControllerRevision.Data"/> (serialized as written, keys in our order).</summary>
    public static object ToData(string patch) => JsonDocument.Parse(patch).RootElement.Clone();

    /// <summary>The pod template a revision holds (ApplyRevision: the patch replaces the template).</summary>
    public static V1PodTemplateSpec? TemplateOf(V1ControllerRevision revision)
    {
        if (revision.Data is null || JsonNode.Parse(KubernetesJson.Serialize(revision.Data))?["spec"]?["template"] is not JsonObject template)
        {
            return null;
        }

        var copy = template.DeepClone().AsObject();
        copy.Remove("$patch");
        return (V1PodTemplateSpec)ModelJson.FromNode(copy, typeof(V1PodTemplateSpec));
    }

    private static string Sorted(JsonNode? node)
    {
        var builder = new StringBuilder();
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                SortedJsonWriter.Write(writer, node);
            }

            builder.Append(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return builder.ToString();
    }
}
