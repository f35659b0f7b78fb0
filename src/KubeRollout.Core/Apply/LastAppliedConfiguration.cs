using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The record of what an apply set, kept on the object as an annotation so that the next apply can remove what the
/// manifest no longer sets. The module keeps its own record (which the Deployment controller copies to every
/// ReplicaSet, so an undo restores it) next to kubectl's (so kubectl apply keeps working). Secret values are recorded
/// only as hashes: an annotation is readable by anyone who can read the object.
/// </summary>
public static class LastAppliedConfiguration
{
    /// <summary>
    /// The record of <paramref name="manifest"/> as kubectl writes it (Go's JSON of the object with an annotations map,
    /// empty when the manifest sets none, and a final newline), so that kubectl apply finds its record unchanged after
    /// the module applied the same manifest.
    /// </summary>
    public static string Serialize(JsonObject manifest)
    {
        var copy = (JsonObject)manifest.DeepClone();
        if (copy["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            copy["metadata"] = metadata;
        }

        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        RemoveRecords(annotations);
        if (IsSecret(copy))
        {
            HashValues(copy["data"] as JsonObject);
            HashValues(copy["stringData"] as JsonObject);
        }

        return GoJson.Serialize(copy) + "\n";
    }

    /// <summary>Takes the module's and kubectl's records out of an annotations map.</summary>
    public static void RemoveRecords(JsonObject annotations)
    {
        annotations.Remove(WellKnownAnnotations.LastApplied);
        annotations.Remove(WellKnownAnnotations.KubectlLastApplied);
    }

    /// <summary>Whether two versions of an object differ at most in the records of the applied configuration.</summary>
    public static bool SameBesideRecords(JsonObject a, JsonObject b)
    {
        static JsonObject WithoutRecords(JsonObject obj)
        {
            var copy = obj.DeepClone().AsObject();
            if (copy["metadata"]?["annotations"] is JsonObject annotations)
            {
                RemoveRecords(annotations);
            }

            return copy;
        }

        return JsonNode.DeepEquals(WithoutRecords(a), WithoutRecords(b));
    }

    /// <summary>
    /// Whether the live object's records already say what <paramref name="recorded"/> says, so that rewriting them
    /// alone is no change: kubectl's (none for a Secret, whose record the module keeps hashed in its own) holds the
    /// same configuration, and the module's own is the same or absent. A value kubectl recorded as a number counts
    /// as the same as the string the module sends for it (a quantity such as cpu: 2).
    /// </summary>
    public static bool Agrees(JsonObject live, string recorded)
    {
        var configuration = WithoutEmptyAnnotations(JsonNode.Parse(recorded) as JsonObject);
        var own = WithoutEmptyAnnotations(Parse(live, WellKnownAnnotations.LastApplied));
        var kubectl = WithoutEmptyAnnotations(Parse(live, WellKnownAnnotations.KubectlLastApplied));
        return IsSecret(live)
            ? kubectl is null && own is not null && SameConfiguration(own, configuration)
            : kubectl is not null && SameConfiguration(kubectl, configuration) && (own is null || SameConfiguration(own, configuration));
    }

    /// <summary>
    /// What was applied before, as far as the records on the live object tell (null: never applied). When the two
    /// records differ, kubectl applied since (or an undo restored the module's record of an older revision): what
    /// either of them set counts as applied, so that neither's fields outlive the manifest.
    /// </summary>
    public static JsonObject? Read(JsonObject live, Type modelType)
    {
        var own = Parse(live, WellKnownAnnotations.LastApplied);
        var kubectl = Parse(live, WellKnownAnnotations.KubectlLastApplied);
        return own is null || kubectl is null || JsonNode.DeepEquals(own, kubectl)
            ? own ?? kubectl
            : (JsonObject)Union(own, kubectl, FieldPatchRule.Plain, PatchSchema.Of(modelType))!;
    }

    public static bool IsSecret(JsonObject obj) => obj["kind"]?.GetValue<string>() == "Secret" && obj["apiVersion"]?.GetValue<string>() == "v1";

    private static JsonObject? Parse(JsonObject live, string annotation)
    {
        var text = live["metadata"]?["annotations"]?[annotation]?.GetValue<string>();
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

    /// <summary>Everything either record set: objects by field, merged lists by item, other values from the first.</summary>
    private static JsonNode? Union(JsonNode? first, JsonNode? second, FieldPatchRule rule, PatchSchema schema)
    {
        switch (first, second)
        {
            case (JsonObject a, JsonObject b):
                var union = a.DeepClone().AsObject();
                foreach (var (key, value) in b)
                {
                    var (fieldRule, fieldSchema) = schema.Field(key);
                    union[key] = a.TryGetPropertyValue(key, out var mine) ? Union(mine, value, fieldRule, fieldSchema) : value?.DeepClone();
                }

                return union;
            case (JsonArray a, JsonArray b) when rule.MergesList:
                var items = a.Select(i => i?.DeepClone()).ToList();
                foreach (var item in b)
                {
                    var index = rule.MergeKey is { } key
                        ? items.FindIndex(i => JsonNode.DeepEquals(i?[key], (item as JsonObject)?[key]))
                        : items.FindIndex(i => JsonNode.DeepEquals(i, item));
                    if (index < 0)
                    {
                        items.Add(item?.DeepClone());
                    }
                    else if (rule.MergeKey is not null)
                    {
                        items[index] = Union(items[index], item, FieldPatchRule.Plain, schema);
                    }
                }

                return new JsonArray(items.ToArray());
            default:
                return first?.DeepClone();
        }
    }

    /// <summary>A record without its empty annotations map: kubectl writes one, earlier records of the module did not.</summary>
    private static JsonObject? WithoutEmptyAnnotations(JsonObject? record)
    {
        if (record?["metadata"] is JsonObject metadata && metadata["annotations"] is JsonObject { Count: 0 })
        {
            metadata.Remove("annotations");
        }

        return record;
    }

    private static bool SameConfiguration(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && SameConfiguration(p.Value, other)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameConfiguration(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() != y.GetValueKind() => ScalarText(x) == ScalarText(y),
        _ => JsonNode.DeepEquals(a, b),
    };

    private static string ScalarText(JsonValue value) => value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : GoJson.Serialize(value);

    private static void HashValues(JsonObject? values)
    {
        foreach (var (key, value) in values?.ToList() ?? [])
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value?.ToJsonString() ?? string.Empty));
            values![key] = $"sha256:{Convert.ToHexString(hash).ToLowerInvariant()}";
        }
    }
}
