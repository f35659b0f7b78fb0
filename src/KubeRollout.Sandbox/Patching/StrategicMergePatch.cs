using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// Strategic merge patch (application/strategic-merge-patch+json) with the patch metadata of the built-in types.
/// CONTRACT STUB: the patching work replaces the body.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary><paramref name="modelType"/> is the KubernetesClient model of the root object (e.g. V1Deployment).</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, Type modelType) => throw new NotImplementedException();
}
