using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching.Schema;
using KubeRollout.Sandbox.Schema;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>How server-side apply sees a value at a position: one field, an object of fields, or a list of items.</summary>
internal enum ValueKind
{
    /// <summary>Scalars, atomic lists, atomic maps and structs, null: owned and replaced as one field.</summary>
    Leaf,

    /// <summary>An object whose fields are owned one by one.</summary>
    Granular,

    /// <summary>An associative list: items identified by their key fields.</summary>
    AssociativeList,

    /// <summary>A list of unique scalars.</summary>
    Set,
}

/// <summary>A position in an object: its shape and the metadata of the field that holds it.</summary>
internal sealed record Position(ModelShape Shape, FieldPatchMetadata Metadata)
{
    public static Position Of(Type modelType) => new(ModelShape.Of(modelType), FieldPatchMetadata.Default);

    public ValueKind KindOf(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject when Metadata.Atomic || Shape.IsAtomicStruct() || Shape.Kind is ShapeKind.Scalar or ShapeKind.List:
                return ValueKind.Leaf;
            case JsonObject:
                return ValueKind.Granular;
            case JsonArray when Shape.Kind == ShapeKind.List && Metadata.ApplyList == ApplyListType.Map:
                return ValueKind.AssociativeList;
            case JsonArray when Shape.Kind == ShapeKind.List && Metadata.ApplyList == ApplyListType.Set:
                return ValueKind.Set;
            default:
                return ValueKind.Leaf;
        }
    }

    /// <summary>The position of a field (or map entry) of an object at this position.</summary>
    public (Position Child, bool IsDeclaredField) Child(string key)
    {
        var (shape, metadata, declared) = Shape.Child(key);
        return (new Position(shape, metadata), declared);
    }

    public Position Item => new(Shape.Element ?? ModelShape.Untyped, FieldPatchMetadata.Default);

    /// <summary>The path element of an item of a list at this position.</summary>
    public string ItemElement(JsonNode? item, ValueKind listKind)
    {
        if (listKind == ValueKind.Set || item is not JsonObject obj)
        {
            return FieldPath.ValueElement(item);
        }

        var keys = Metadata.ApplyKeys.Select(key => new KeyValuePair<string, JsonNode?>(
            key,
            obj[key]?.DeepClone() ?? (Metadata.ApplyKeyDefaults.TryGetValue(key, out var fallback) ? JsonValue.Create(fallback) : null)));
        return FieldPath.KeyElement(keys);
    }
}
