using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>Changing the rollout settings of a Deployment, StatefulSet or DaemonSet on a cluster.</summary>
public static class StrategyOperations
{
    /// <summary>
    /// Reads the workload and works out the validated change; sends nothing. Throws
    /// <see cref="StrategyInvalidException"/> (StrategyInvalid) when the API would refuse the result, and a
    /// KubeRolloutException StrategySettingNotSupported for a setting the kind does not have.
    /// </summary>
    public static async Task<StrategyPlan> PlanAsync(KubeApiClient client, WorkloadReference workload, StrategyChange change, CancellationToken cancellationToken)
    {
        var live = await WorkloadStrategyKind.For(workload.Kind).GetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        return StrategyPlanner.Plan(workload, live, change);
    }

    /// <summary>
    /// Sends a planned update. When the workload changed since it was read (409 Conflict on the pinned
    /// resourceVersion) the change is worked out and validated again from the newer version and sent again.
    /// An update without changes sends nothing and describes the workload as it is.
    /// </summary>
    public static Task<RolloutStrategy> ApplyAsync(KubeApiClient client, StrategyPlan update, CancellationToken cancellationToken)
    {
        var kind = WorkloadStrategyKind.For(update.Workload.Kind);
        var attempt = 0;
        return ConflictRetry.RunAsync(async token =>
        {
            var current = attempt++ == 0 ? update : await PlanAsync(client, update.Workload, update.Request, token).ConfigureAwait(false);
            if (!current.HasChanges)
            {
                return StrategyPlanner.Describe(current, current.Live, sent: false);
            }

            var stored = await kind.PatchAsync(client, current.Workload, current.Patch, token).ConfigureAwait(false);
            return StrategyPlanner.Describe(current, stored, sent: true);
        }, cancellationToken);
    }
}
