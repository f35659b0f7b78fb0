using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Controllers.Shared;

/// <summary>
/// Writes a JSON tree with the keys of every object in ordinal order, as Go's json.Marshal writes a map, so that
/// equal trees give equal bytes whatever order their keys were built in.
/// </summary>
public static class SortedJsonWriter
{
    /// <param name="omitProperty">Says which object properties to leave out; none when null.</param>
    public static void Write(Utf8JsonWriter writer, JsonNode? node, Func<JsonNode?, bool>? omitProperty = null)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (omitProperty?.Invoke(value) == true)
                    {
                        continue;
                    }

                    writer.WritePropertyName(key);
                    Write(writer, value, omitProperty);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, omitProperty);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
