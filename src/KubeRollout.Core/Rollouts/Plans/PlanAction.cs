namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>What happens in one step of a rollout plan.</summary>
public enum PlanAction
{
    /// <summary>The state the plan starts from.</summary>
    Start,
    ScaleUpNew,
    ScaleDownOld,

    /// <summary>The new ReplicaSet has more replicas than wanted (the Deployment was scaled down mid-rollout).</summary>
    ScaleDownNew,

    /// <summary>Nothing can be scaled until the pods that started become available.</summary>
    PodsBecomeAvailable,
}
