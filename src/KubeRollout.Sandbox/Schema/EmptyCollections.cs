using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRollout.Sandbox.Schema;

/// <summary>
/// Empty lists and maps as a stored object has them: none. The API server stores objects as protobuf, which keeps
/// no empty collection, so a field a write leaves as <c>[]</c> or <c>{}</c> (a strategic merge patch that deletes
/// the last item, say) reads back as absent. metadata.managedFields is left alone: an empty list there asks for them
/// to be reset, which the field manager must still see.
/// </summary>
public static class EmptyCollections
{
    public static void Drop(JsonObject obj, Type modelType) => DropInStruct(obj, ModelShape.Of(modelType));

    private static void DropInStruct(JsonObject obj, ModelShape shape)
    {
        var isMetadata = shape.Model == typeof(V1ObjectMeta);
        foreach (var (key, value) in obj.ToList())
        {
            if ((isMetadata && key == "managedFields") || shape.Field(key) is not { } field)
            {
                continue;
            }

            if (IsEmptyCollection(value, field.Shape))
            {
                obj.Remove(key);
            }
            else
            {
                Visit(value, field.Shape);
            }
        }
    }

    private static void Visit(JsonNode? value, ModelShape shape)
    {
        switch (value)
        {
            case JsonObject obj when shape.Kind == ShapeKind.Struct:
                DropInStruct(obj, shape);
                break;
            case JsonObject map when shape.Kind == ShapeKind.Map:
                foreach (var (_, item) in map)
                {
                    Visit(item, shape.Element!);
                }

                break;
            case JsonArray list when shape.Kind == ShapeKind.List:
                foreach (var item in list)
                {
                    Visit(item, shape.Element!);
                }

                break;
        }
    }

    private static bool IsEmptyCollection(JsonNode? value, ModelShape shape) =>
        (value is JsonArray { Count: 0 } && shape.Kind == ShapeKind.List) || (value is JsonObject { Count: 0 } && shape.Kind == ShapeKind.Map);
}
