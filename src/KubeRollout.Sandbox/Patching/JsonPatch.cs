using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>RFC 6902 JSON patch (application/json-patch+json). CONTRACT STUB: the patching work replaces the body.</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a copy of <paramref name="document"/>; a failing op throws StoreException (422/400).</summary>
    public static JsonNode Apply(JsonNode document, JsonNode operations) => throw new NotImplementedException();
}
