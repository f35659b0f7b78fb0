using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>What a previous run of the sandbox left: its objects, its newest resourceVersion and simulated time.</summary>
internal sealed record RecoveredState(
    IReadOnlyList<(ResourceType Resource, IKubernetesObject<V1ObjectMeta> Object)> Objects, long ResourceVersion, DateTime? SimulatedTime)
{
    public static readonly RecoveredState Empty = new([], 0, null);

    public bool IsEmpty => ResourceVersion == 0;
}
