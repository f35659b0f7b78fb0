namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// How a workload replaces its pods: Deployments know RollingUpdate and Recreate, StatefulSets and DaemonSets
/// RollingUpdate and OnDelete.
/// </summary>
public enum StrategyType
{
    RollingUpdate,
    Recreate,
    OnDelete,
}
