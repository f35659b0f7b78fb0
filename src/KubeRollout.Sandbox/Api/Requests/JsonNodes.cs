using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>Builds mutable JSON trees from parsed documents, keeping the last of duplicate keys as Go's decoder does.</summary>
internal static class JsonNodes
{
    public static JsonNode? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = FromElement(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(FromElement(item));
                }

                return array;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
