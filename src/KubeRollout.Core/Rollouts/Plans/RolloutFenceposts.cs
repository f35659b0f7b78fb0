using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>
/// maxSurge and maxUnavailable resolved for a replica count as the Deployment controller resolves them
/// (ResolveFenceposts, MaxUnavailable): a surge percentage rounds up, an unavailable percentage rounds down; when
/// both come to 0 one pod may be unavailable, so that the rollout can still move; maxUnavailable never exceeds the
/// replicas and is 0 for 0 replicas.
/// </summary>
public readonly record struct RolloutFenceposts(int MaxSurge, int MaxUnavailable)
{
    public static RolloutFenceposts Resolve(int replicas, IntOrPercent maxSurge, IntOrPercent maxUnavailable)
    {
        var surge = maxSurge.Scale(replicas, roundUp: true);
        var unavailable = maxUnavailable.Scale(replicas, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return new RolloutFenceposts(surge, replicas == 0 ? 0 : Math.Min(unavailable, replicas));
    }
}
