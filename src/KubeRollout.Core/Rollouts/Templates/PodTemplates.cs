using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.Templates;

/// <summary>Comparing and describing pod templates the way the controllers and kubectl do.</summary>
public static class PodTemplates
{
    private static readonly HashSet<string> MapFields = ["labels", "annotations", "nodeSelector"];

    /// <summary>
    /// Equal as the Deployment controller and kubectl's undo compare them: ignoring the pod-template-hash label,
    /// with empty and missing maps and lists treated alike (apimachinery's semantic equality).
    /// </summary>
    public static bool EqualIgnoringHash(V1PodTemplateSpec? left, V1PodTemplateSpec? right) =>
        JsonNode.DeepEquals(Normalized(left), Normalized(right));

    /// <summary>The template as JSON without the pod-template-hash label and without empty maps and lists.</summary>
    public static JsonObject Normalized(V1PodTemplateSpec? template)
    {
        var json = template is null ? new JsonObject() : JsonNode.Parse(KubernetesJson.Serialize(template))!.AsObject();
        if (json["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(WellKnownAnnotations.PodTemplateHashLabel);
        }

        RemoveEmpty(json);
        return json;
    }

    /// <summary>The template with the pod-template-hash label removed (what an undo writes back).</summary>
    public static V1PodTemplateSpec WithoutHash(V1PodTemplateSpec template)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(template))!.AsObject();
        if (json["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(WellKnownAnnotations.PodTemplateHashLabel);
        }

        return KubernetesJson.Deserialize<V1PodTemplateSpec>(json.ToJsonString());
    }

    public static IReadOnlyList<string> Images(V1PodTemplateSpec? template) =>
        (template?.Spec?.Containers ?? []).Select(c => c.Image ?? string.Empty).ToList();

    private static void RemoveEmpty(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        RemoveEmpty(value);
                    }

                    var empty = value is null
                        || (value is JsonArray { Count: 0 })
                        || (value is JsonObject { Count: 0 } && MapFields.Contains(key));
                    if (empty)
                    {
                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RemoveEmpty(item);
                    }
                }

                break;
        }
    }
}
