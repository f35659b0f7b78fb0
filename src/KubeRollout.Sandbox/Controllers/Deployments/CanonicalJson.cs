using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>
/// A deterministic rendering of a model object: object keys sorted, nulls left out and, as the API machinery's
/// semantic equality treats nil and empty maps and slices alike, empty objects and arrays left out too.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Render(object model, Action<JsonObject>? adjust = null)
    {
        var node = ModelJson.ToNode(model);
        adjust?.Invoke(node);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SortedJsonWriter.Write(writer, node, IsEmpty);
        }

        return buffer.ToArray();
    }

    public static string RenderString(object model, Action<JsonObject>? adjust = null) => Encoding.UTF8.GetString(Render(model, adjust));

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.All(p => IsEmpty(p.Value)),
        JsonArray array => array.Count == 0,
        _ => false,
    };
}
