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
                StructWalk.Visit(value, field.Shape, DropInStruct);
            }
        }
    }

    private static bool IsEmptyCollection(JsonNode? value, ModelShape shape) =>
        (value is JsonArray { Count: 0 } && shape.Kind == ShapeKind.List) || (value is JsonObject { Count: 0 } && shape.Kind == ShapeKind.Map);
}
