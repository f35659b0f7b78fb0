using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// What a kind's own deletion rule decided (see <see cref="ResourceStrategy.BeginDelete"/>): go on with the generic
/// deletion, or answer now, after storing <see cref="Update"/> when it is set.
/// </summary>
public sealed record DeletionStep(bool Handled, IKubernetesObject<V1ObjectMeta>? Update)
{
    public static readonly DeletionStep Continue = new(false, null);

    public static DeletionStep Store(IKubernetesObject<V1ObjectMeta> update) => new(true, update);

    public static readonly DeletionStep Pending = new(true, null);
}
