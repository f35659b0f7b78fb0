namespace KubeRollout.Core.Rollouts;

/// <summary>Where a rollout stands.</summary>
public enum RolloutState
{
    /// <summary>The controller has not yet seen the latest change.</summary>
    Pending,

    /// <summary>Pods are being replaced or are not yet available.</summary>
    Progressing,

    /// <summary>Every replica runs the current template and is available.</summary>
    Complete,

    /// <summary>The rollout is paused and will not progress until resumed.</summary>
    Paused,

    /// <summary>The rollout cannot finish (progress deadline exceeded).</summary>
    Failed,

    /// <summary>The workload updates only when its pods are deleted (OnDelete).</summary>
    WaitingForDeletion,

    /// <summary>The workload no longer exists.</summary>
    Deleted,

    /// <summary>The workload did not exist when the wait for it began.</summary>
    NotFound,
}
