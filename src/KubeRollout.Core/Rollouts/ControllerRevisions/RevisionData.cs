using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.ControllerRevisions;

/// <summary>
/// The data of a ControllerRevision (<c>{"spec":{"template":{…,"$patch":"replace"}}}</c>) applied to the live
/// workload the way the API server's strategic merge applies it: maps merge, a <c>$patch: replace</c> map replaces
/// the live one, null deletes. The controllers write only maps with a replace directive at the template, so lists
/// never need strategic list merging here; a list in the data replaces the live one.
/// </summary>
public static class RevisionData
{
    private const string Directive = "$patch";

    public static JsonObject Parse(V1ControllerRevision revision) =>
        revision.Data switch
        {
            null => new JsonObject(),
            JsonObject obj => obj,
            var data => JsonNode.Parse(KubernetesJson.Serialize(data)) as JsonObject ?? new JsonObject(),
        };

    /// <summary>A copy of <paramref name="live"/> with the data merged in.</summary>
    public static JsonObject ApplyTo(JsonObject live, JsonObject data)
    {
        var result = live.DeepClone().AsObject();
        Merge(result, data);
        return result;
    }

    /// <summary>The pod template the workload has once the data is applied to it.</summary>
    public static V1PodTemplateSpec TemplateOf(JsonObject live, JsonObject data)
    {
        var merged = ApplyTo(live, data);
        var template = merged["spec"]?["template"] ?? new JsonObject();
        return KubernetesJson.Deserialize<V1PodTemplateSpec>(template.ToJsonString());
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (key == Directive)
            {
                continue;
            }

            switch (value)
            {
                case null:
                    target.Remove(key);
                    break;
                case JsonObject map when DirectiveOf(map) == "replace":
                    target[key] = WithoutDirectives(map);
                    break;
                case JsonObject map when DirectiveOf(map) == "delete":
                    target.Remove(key);
                    break;
                case JsonObject map when target[key] is JsonObject existing:
                    Merge(existing, map);
                    break;
                default:
                    target[key] = WithoutDirectives(value);
                    break;
            }
        }
    }

    private static string? DirectiveOf(JsonObject map) =>
        map[Directive] is JsonValue directive && directive.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode WithoutDirectives(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove(Directive);
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }
}
