using System.Text.Json.Nodes;
using KubeRollout.Core.Apply.Merging;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The declarative merge of <c>kubectl apply</c> (client-side): a strategic merge patch computed from the
/// configuration applied last time, the new configuration and the live object, and applied to the live object as
/// the API server applies it. Only what the last apply set and the new configuration no longer sets is removed; what
/// others set (labels, annotations, list items, server defaults) stays. Lists merge by their merge keys
/// (<see cref="PatchRules"/>); other lists are replaced whole.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>The patch kubectl apply sends.</summary>
    /// <param name="lastApplied">What the previous apply set (null when there was none).</param>
    /// <param name="modified">What the manifest sets now, with the annotations the apply records.</param>
    /// <param name="live">The object as the server has it.</param>
    /// <param name="modelType">The KubernetesClient model of the kind (V1Deployment, ...), whose fields carry the patch rules.</param>
    public static JsonObject Patch(JsonObject? lastApplied, JsonObject modified, JsonObject live, Type modelType) =>
        StrategicMergePatch.CreateThreeWay(lastApplied, modified, live, PatchSchema.Of(modelType));

    /// <summary>The object the server makes of <paramref name="live"/> and the patch.</summary>
    public static JsonObject Merge(JsonObject? lastApplied, JsonObject modified, JsonObject live, Type modelType) =>
        StrategicMergePatch.Apply(live, Patch(lastApplied, modified, live, modelType), PatchSchema.Of(modelType));
}
