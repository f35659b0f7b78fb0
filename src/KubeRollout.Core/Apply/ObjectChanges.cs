using System.Text.Json.Nodes;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Apply;

/// <summary>
/// Every field an apply changes in an object, from the object before to the object the server returned (for a
/// dry run, what it would store): spec fields such as replicas, the strategy or a Service's selector, the pod
/// template, labels and annotations. Left out: what the server keeps for itself (status, versions, managed fields),
/// the records of the applied configuration, and the data of ConfigMaps and Secrets, which
/// <see cref="ConfigDataDiff"/> reports by key (a Secret's values are never shown).
/// </summary>
public static class ObjectChanges
{
    private static readonly string[] ServerMetadata = ["resourceVersion", "generation", "managedFields", "creationTimestamp", "uid", "selfLink"];
    private static readonly string[] DataFields = ["data", "binaryData", "stringData"];

    /// <param name="kind">The object's kind, as the manifest says it (the data of a ConfigMap or Secret is left out by it, not by what the objects say).</param>
    public static IReadOnlyList<TemplateChange> Between(string kind, JsonObject before, JsonObject after) =>
        FieldDiff.Between(Comparable(kind, before), Comparable(kind, after));

    private static JsonObject Comparable(string kind, JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (ConfigData.IsConfigKind(kind))
        {
            foreach (var field in DataFields)
            {
                copy.Remove(field);
            }
        }

        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                LastAppliedConfiguration.RemoveRecords(annotations);
            }
        }

        return copy;
    }
}
