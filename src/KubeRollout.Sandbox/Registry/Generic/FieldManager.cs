using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Patching;
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
        obj.Metadata.ManagedFields = entries.Count == 0
            ? null
            : entries.Select(e => KubernetesJson.Deserialize<V1ManagedFieldsEntry>(e!.ToJsonString(ModelJson.DeepTrees))).ToList();
    }
}
