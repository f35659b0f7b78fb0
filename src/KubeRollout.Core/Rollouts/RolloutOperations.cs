using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>The rollout operations for each workload kind.</summary>
public static class RolloutOperations
{
    private static readonly DeploymentRolloutOperations Deployments = new();

    public static StatefulSetRolloutOperations StatefulSets { get; } = new();

    public static DaemonSetRolloutOperations DaemonSets { get; } = new();

    public static IRolloutOperations For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => Deployments,
        WorkloadKind.StatefulSet => StatefulSets,
        WorkloadKind.DaemonSet => DaemonSets,
        _ => throw new KubeRolloutException(
            "WorkloadKindNotSupported", FailureKind.NotImplemented, $"Rollouts of {kind}s are not supported yet.", kind),
    };

    /// <summary>Pause and resume exist for Deployments only, as in kubectl.</summary>
    public static DeploymentRolloutOperations ForDeployments(WorkloadReference workload) =>
        workload.Kind == WorkloadKind.Deployment
            ? Deployments
            : throw new KubeRolloutException(
                "PauseNotSupported", FailureKind.InvalidOperation,
                $"{workload.ResourceName} cannot be paused or resumed: only Deployments can (kubectl rollout pause/resume support deployments only).", workload);
}
