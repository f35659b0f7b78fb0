namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>One partition change applied to a StatefulSet and, when waited for, whether its pods were updated and Ready.</summary>
public sealed class PartitionStepResult
{
    public required string Namespace { get; init; }

    /// <summary>The StatefulSet's name.</summary>
    public required string Name { get; init; }

    public required int FromPartition { get; init; }

    public required int Partition { get; init; }

    /// <summary>The ordinals this step lets the controller replace, highest first.</summary>
    public required IReadOnlyList<int> Ordinals { get; init; }

    public string? UpdateRevision { get; init; }

    /// <summary>True when the step waited for its pods (staged mode or -Wait).</summary>
    public bool Waited { get; init; }

    /// <summary>True when the partition was set and, if waited for, every pod from the partition up is Ready at the update revision.</summary>
    public bool Succeeded { get; init; }

    public TimeSpan Duration { get; init; }

    public required string Message { get; init; }

    public override string ToString() => Message;
}
