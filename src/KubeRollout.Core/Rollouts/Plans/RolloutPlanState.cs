namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>
/// The pods of a Deployment as the controller counts them: replicas of the old ReplicaSets and of the new one, and
/// how many of each are available.
/// </summary>
public readonly record struct RolloutPlanState(int OldPods, int OldAvailable, int NewPods, int NewAvailable)
{
    public int TotalPods => OldPods + NewPods;

    public int AvailablePods => OldAvailable + NewAvailable;

    /// <summary>As the Deployment's status.unavailableReplicas counts them: total − available, never negative.</summary>
    public int UnavailablePods => Math.Max(0, TotalPods - AvailablePods);

    /// <summary>Before a rollout of <paramref name="replicas"/> pods: all of them old and available.</summary>
    public static RolloutPlanState BeforeRollout(int replicas) => new(replicas, replicas, 0, 0);
}
