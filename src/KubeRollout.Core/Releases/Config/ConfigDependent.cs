using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// A workload whose pod template references a ConfigMap or Secret, and how (<see cref="Uses"/>). Binds by Kind,
/// Name and Namespace to the rollout cmdlets (Restart-KubeRollout).
/// </summary>
public sealed record ConfigDependent(WorkloadKind Kind, string Namespace, string Name, IReadOnlyList<string> Uses, bool ReadsAtStart)
{
    public WorkloadReference Workload => new(Kind, Namespace, Name);

    public override string ToString() => $"{Workload.ResourceName} ({string.Join(", ", Uses)})";
}
