using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

public enum AdmissionOperation
{
    Create,
    Update,
}

/// <summary>
/// A step every write passes before it is stored: defaulting (mutates <paramref name="obj"/>) or validation
/// (throws <see cref="StoreException"/> with code 422 and reason Invalid, causes in the details).
/// <paramref name="old"/> is the stored object on update, null on create. Steps run in order; the last ones may
/// record managedFields for <paramref name="fieldManager"/>.
/// </summary>
public interface IAdmissionStep
{
    void Admit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, AdmissionOperation operation, string fieldManager);
}
