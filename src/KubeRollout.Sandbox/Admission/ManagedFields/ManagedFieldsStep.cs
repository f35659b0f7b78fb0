using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Admission.ManagedFields;

/// <summary>
/// Records the <c>Update</c> managedFields entry of every ordinary write (the fields it changed move to its
/// manager), so that a later server-side apply sees who owns what. Writes that are the result of
/// <see cref="ServerSideApply"/> already carry their bookkeeping and pass unchanged. Runs last, after defaulting.
/// </summary>
public sealed class ManagedFieldsStep(ISimulatedClock clock) : IAdmissionStep
{
    public void Admit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, AdmissionOperation operation, string fieldManager)
    {
        var updated = ModelJson.ToNode(obj);
        var stored = old is null ? null : ModelJson.ToNode(old);
        if (string.IsNullOrEmpty(fieldManager) || UpdateOwnership.IsApplyResult(stored, updated, fieldManager))
        {
            return;
        }

        var entries = UpdateOwnership.Record(stored, updated, resource.ModelType, fieldManager, resource.ApiVersion, clock.UtcNow);
        obj.Metadata.ManagedFields = entries.Count == 0
            ? null
            : entries.Select(e => KubernetesJson.Deserialize<V1ManagedFieldsEntry>(e!.ToJsonString())).ToList();
    }
}
