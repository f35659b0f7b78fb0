using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Patching.Fields;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// Records the <c>Update</c> managedFields entry of an ordinary write of the main resource (see
/// <see cref="UpdateOwnership"/>). Applies arrive with their bookkeeping done (<see cref="ServerSideApply"/>) and pass
/// unchanged; status writes keep the stored entries.
/// </summary>
internal static class FieldManager
{
    public static void RecordUpdate(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, string fieldManager, DateTime now)
    {
        if (string.IsNullOrEmpty(fieldManager))
        {
            obj.Metadata.ManagedFields = old?.Metadata.ManagedFields;
            return;
        }

        var entries = UpdateOwnership.Record(old is null ? null : ModelJson.ToNode(old), ModelJson.ToNode(obj), resource.ModelType, fieldManager, resource.ApiVersion, now);
        obj.Metadata.ManagedFields = entries.Count == 0 ? null : entries.Select(e => Model(e!.AsObject())).ToList();
    }

    /// <summary>
    /// The model of an entry as <see cref="ManagedFieldsCodec.Write"/> wrote it, read field by field rather than
    /// printed and parsed again (every write of every object comes here).
    /// </summary>
    private static V1ManagedFieldsEntry Model(JsonObject entry) => new()
    {
        ApiVersion = (string?)entry["apiVersion"],
        FieldsType = (string?)entry["fieldsType"],
        FieldsV1 = entry["fieldsV1"] is { } fields ? SharedFieldSets.Of(fields) : null,
        Manager = (string?)entry["manager"],
        Operation = (string?)entry["operation"],
        Subresource = (string?)entry["subresource"],
        Time = entry["time"] is { } time
            ? DateTime.ParseExact((string)time!, ManagedFieldsCodec.Rfc3339Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null,
    };
}
