using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Schema;

/// <summary>Finds the objects of a JSON value that are model structs, through the maps and lists its shape declares.</summary>
public static class StructWalk
{
    /// <summary>Calls <paramref name="onStruct"/> for the value when it is a struct, or for each struct in it when it is a map or list.</summary>
    public static void Visit(JsonNode? value, ModelShape shape, Action<JsonObject, ModelShape> onStruct)
    {
        switch (value)
        {
            case JsonObject obj when shape.Kind == ShapeKind.Struct:
                onStruct(obj, shape);
                break;
            case JsonObject map when shape.Kind == ShapeKind.Map:
                foreach (var (_, item) in map)
                {
                    Visit(item, shape.Element!, onStruct);
                }

                break;
            case JsonArray list when shape.Kind == ShapeKind.List:
                foreach (var item in list)
                {
                    Visit(item, shape.Element!, onStruct);
                }

                break;
        }
    }
}
