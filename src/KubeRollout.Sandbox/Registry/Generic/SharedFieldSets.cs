using System.Text.Json;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// One decoded fieldsV1 value per distinct field set. Every pod of a ReplicaSet, every Event a component records
/// and every status a controller writes owns the same fields, and a decoded value holds a JSON document of its own:
/// sharing them keeps tens of thousands of identical documents out of memory. Values are read-only once decoded
/// (a JsonElement cannot be changed; the boxed value is shared too), so sharing them is safe.
/// </summary>
internal static class SharedFieldSets
{
    /// <summary>More distinct field sets than this start the table afresh (sharing is an optimization, not a cache to keep).</summary>
    private const int MaxDistinct = 4096;

    private static readonly SharingTable<object> Shared = new(MaxDistinct);

    /// <summary>The decoded value of a fieldsV1 tree, shared with every entry of the same fields.</summary>
    public static object Of(JsonNode fields)
    {
        var text = fields.ToJsonString(ModelJson.DeepTrees);
        if (Shared.TryGet(text, out var shared))
        {
            return shared;
        }

        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ModelJson.DeepTrees.MaxDepth });
        return Shared.Share(text, document.RootElement.Clone());
    }
}
