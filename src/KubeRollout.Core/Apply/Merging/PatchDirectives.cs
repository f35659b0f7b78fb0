using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>The directives of a strategic merge patch, and the JSON helpers both halves of the algorithm share.</summary>
internal static class PatchDirectives
{
    public const string Marker = "$patch";
    public const string Delete = "delete";
    public const string Replace = "replace";
    public const string RetainKeys = "$retainKeys";
    public const string SetElementOrder = "$setElementOrder";
    public const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";

    public static string SetElementOrderOf(string field) => $"{SetElementOrder}/{field}";

    public static string DeleteFromPrimitiveListOf(string field) => $"{DeleteFromPrimitiveList}/{field}";

    /// <summary>The field a parallel directive ($setElementOrder/x, $deleteFromPrimitiveList/x) is about.</summary>
    public static string FieldOf(string directive, string prefix)
    {
        var parts = directive.Split('/', 2);
        return parts.Length == 2 && parts[0] == prefix
            ? parts[1]
            : throw new InvalidPatchException($"invalid patch format: {directive} is not a {prefix} directive");
    }

    /// <summary>The JSON type of a value, as Go's decoder types it: true and false are one type, numbers another.</summary>
    public static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : node.GetValueKind(),
    };

    /// <summary>A scalar as Go's %v prints it, which is how list items are sorted and compared.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? "<nil>";

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>The merge key of an item of a merged list; an item without it cannot be merged.</summary>
    public static JsonNode? MergeKeyOf(JsonNode? item, string mergeKey) =>
        item is JsonObject map && map.TryGetPropertyValue(mergeKey, out var value)
            ? value
            : throw new InvalidPatchException($"map: {item?.ToJsonString() ?? "null"} does not contain declared merge key: {mergeKey}");

    /// <summary>The element type of the lists together: all objects, or all scalars; lists of lists do not merge.</summary>
    public static bool AreObjects(params JsonArray?[] lists)
    {
        var items = lists.Where(l => l is not null).SelectMany(l => l!).ToList();
        if (items.Any(i => i is JsonArray))
        {
            throw new InvalidPatchException("lists of lists are not supported");
        }

        var objects = items.Count(i => i is JsonObject);
        return objects == 0 ? false
            : objects == items.Count ? true
            : throw new InvalidPatchException("list element types are not identical");
    }
}

/// <summary>A patch or a configuration that a strategic merge cannot process, in the API machinery's words.</summary>
public sealed class InvalidPatchException(string message) : Exception(message);
