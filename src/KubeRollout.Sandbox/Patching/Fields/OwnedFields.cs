using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>
/// The part of an object whose fields managers own: everything but the type, the identity and system metadata
/// and the status (which the main resource ignores).
/// </summary>
internal static class OwnedFields
{
    private static readonly string[] SystemMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
        "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    ];

    public static JsonObject Of(JsonObject? obj)
    {
        var copy = obj?.DeepClone().AsObject() ?? new JsonObject();
        copy.Remove("apiVersion");
        copy.Remove("kind");
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in SystemMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata.Count == 0)
            {
                copy.Remove("metadata");
            }
        }

        return copy;
    }
}
