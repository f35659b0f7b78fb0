using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Schema;

/// <summary>
/// Removes the fields a model does not declare, as Go's decoder drops them, before a request object is decoded: what
/// the client sent there (however deeply nested) never reaches the typed decoder. Field validation reports them
/// first, as warnings or strict decoding errors.
/// </summary>
public static class UnknownFields
{
    public static void Drop(JsonObject obj, Type modelType) => DropInStruct(obj, ModelShape.Of(modelType));

    private static void DropInStruct(JsonObject obj, ModelShape shape)
    {
        foreach (var (key, value) in obj.ToList())
        {
            if (shape.Field(key) is { } field)
            {
                StructWalk.Visit(value, field.Shape, DropInStruct);
            }
            else
            {
                obj.Remove(key);
            }
        }
    }
}
