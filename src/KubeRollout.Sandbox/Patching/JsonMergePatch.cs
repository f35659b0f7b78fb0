using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>RFC 7386 JSON merge patch (application/merge-patch+json). CONTRACT STUB: the patching work replaces the body.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => throw new NotImplementedException();
}
