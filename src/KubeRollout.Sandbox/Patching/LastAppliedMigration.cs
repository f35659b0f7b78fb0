using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching.Fields;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// What the API server's field manager does for <c>kubectl apply --server-side</c> (field manager "kubectl") on an
/// object managed with client-side apply: the fields of the last-applied-configuration annotation that still hold
/// their applied values may be taken over without a conflict (lastAppliedManager), and after the apply the
/// annotation is rewritten from the applied configuration (lastAppliedUpdater), so that both ways of applying agree.
/// </summary>
internal static class LastAppliedMigration
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";
    public const string KubectlManager = "kubectl";

    /// <summary>
    /// The fields whose conflicts a "kubectl" apply may override: those of the last-applied configuration that are
    /// unchanged in the live object. Empty when there is no such annotation or it is of another apiVersion.
    /// </summary>
    public static FieldSet AllowedConflicts(JsonObject live, string apiVersion, Position root)
    {
        if (LastApplied(live) is not { } lastApplied || (string?)lastApplied["apiVersion"] != apiVersion)
        {
            return new FieldSet();
        }

        var applied = OwnedFields.Of(lastApplied);
        var differences = FieldWalker.Compare(applied, OwnedFields.Of(live), root);
        return FieldWalker.FieldsOf(applied, root)
            .Except(differences.Modified)
            .Except(differences.Added)
            .Except(differences.Removed);
    }

    /// <summary>Rewrites the annotation (when the object has one) from the configuration "kubectl" applied.</summary>
    public static void Update(JsonObject result, JsonObject applied)
    {
        if (result["metadata"]?["annotations"] is not JsonObject annotations || !annotations.ContainsKey(Annotation))
        {
            return;
        }

        var configuration = applied.DeepClone().AsObject();
        if (configuration["metadata"]?["annotations"] is JsonObject own)
        {
            own.Remove(Annotation);
        }

        annotations[Annotation] = SortedJson(configuration)!.ToJsonString() + "\n";
    }

    private static JsonObject? LastApplied(JsonObject live)
    {
        try
        {
            return JsonNode.Parse((string?)live["metadata"]?["annotations"]?[Annotation] ?? string.Empty) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Go encodes the unstructured configuration with its map keys in sorted order.</summary>
    private static JsonNode? SortedJson(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortedJson(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SortedJson).ToArray()),
        _ => node?.DeepClone(),
    };
}
