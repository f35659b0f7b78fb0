using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>Where a workload's rollout stands, with kubectl's message for it.</summary>
public sealed class RolloutStatus
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required RolloutState State { get; init; }

    /// <summary>Exactly what <c>kubectl rollout status</c> prints (its error text for failures).</summary>
    public required string Message { get; init; }

    public int Replicas { get; init; }

    public int UpdatedReplicas { get; init; }

    public int ReadyReplicas { get; init; }

    public int AvailableReplicas { get; init; }

    /// <summary>Pods that exist but are not of the current template (old pods).</summary>
    public int OldReplicas { get; init; }

    /// <summary>The current revision, when known.</summary>
    public long? Revision { get; init; }

    /// <summary>The ControllerRevision the pods are updated to (StatefulSet status.updateRevision), when known.</summary>
    public string? UpdateRevision { get; init; }

    public long Generation { get; init; }

    public long ObservedGeneration { get; init; }

    /// <summary>The reason of the failure (ProgressDeadlineExceeded, …) when State is Failed.</summary>
    public string? Reason { get; init; }

    /// <summary>True when waiting can end: complete, failed or deleted.</summary>
    public bool IsFinal => State is RolloutState.Complete or RolloutState.Failed or RolloutState.Deleted or RolloutState.NotFound;

    public override string ToString() => Message;
}
