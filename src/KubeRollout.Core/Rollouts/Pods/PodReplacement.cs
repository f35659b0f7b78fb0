using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>One pod of an OnDelete workload replaced: the old pod, its replacement and how long it took.</summary>
public sealed class PodReplacement
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    /// <summary>The workload's name.</summary>
    public required string Name { get; init; }

    public required string OldPod { get; init; }

    /// <summary>The replacement pod (for a StatefulSet the same name, a new pod); null when none became Ready.</summary>
    public string? NewPod { get; init; }

    public int? Ordinal { get; init; }

    public string? Node { get; init; }

    public string? OldRevision { get; init; }

    /// <summary>The revision the replacement runs (the controller-revision-hash label).</summary>
    public required string Revision { get; init; }

    public TimeSpan Duration { get; init; }

    public bool Succeeded { get; init; }

    public required string Message { get; init; }

    public override string ToString() => Message;
}
