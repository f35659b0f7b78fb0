using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>RFC 7386 JSON merge patch (application/merge-patch+json), as kubectl annotate and label send it.</summary>
public static class JsonMergePatch
{
    /// <summary>The patched copy of <paramref name="target"/>: objects merge recursively, null removes, anything else replaces.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
