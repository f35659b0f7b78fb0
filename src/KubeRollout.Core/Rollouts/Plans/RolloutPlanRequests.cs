using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Rollouts.Deployments;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>What to plan, from parameters or from a live Deployment, checked with the API's rules for a Deployment strategy.</summary>
public static class RolloutPlanRequests
{
    /// <summary>A rollout of <paramref name="replicas"/> pods, all old and available at the start. Unset amounts are the defaults 25% / 25%.</summary>
    public static RolloutPlanRequest FromParameters(int replicas, RolloutPlanOverrides settings)
    {
        if (replicas < 0)
        {
            throw new KubeRolloutException("PlanInvalid", FailureKind.InvalidArgument, $"Invalid value: {replicas}: replicas must be greater than or equal to 0", replicas);
        }

        var defaults = new RolloutSettings { Type = nameof(StrategyType.RollingUpdate) };
        return Request(replicas, defaults, settings, RolloutPlanState.BeforeRollout(replicas), source: null, workload: null);
    }

    /// <summary>
    /// The plan request for a Deployment as read: its replicas and strategy (unless overridden), and its pods. While
    /// a rollout is under way the plan continues it from the current pods; when the last rollout is complete it
    /// plans the next one, with all current pods as the old ones.
    /// </summary>
    public static (RolloutPlanRequest Request, IReadOnlyList<string> Warnings) ForDeployment(
        WorkloadReference workload, V1Deployment deployment, IEnumerable<V1ReplicaSet> replicaSets, RolloutPlanOverrides overrides)
    {
        var owned = DeploymentHistory.Owned(deployment, replicaSets).ToList();
        var current = DeploymentHistory.CurrentReplicaSet(deployment, owned);
        var old = owned.Where(rs => rs != current).ToList();
        var liveReplicas = deployment.Spec?.Replicas ?? 1;
        var state = new RolloutPlanState(
            old.Sum(SpecReplicas), old.Sum(AvailableReplicas), current is null ? 0 : SpecReplicas(current), current is null ? 0 : AvailableReplicas(current));
        var inProgress = state.OldPods > 0 || state.NewPods != liveReplicas || state.NewAvailable < state.NewPods;
        var warnings = new List<string>();
        if (inProgress)
        {
            warnings.Add($"A rollout of {workload.ResourceName} is under way: the plan continues it from its current pods ({Count(state.OldPods)} old, {Count(state.NewPods)} new).");
        }
        else
        {
            state = RolloutPlanState.BeforeRollout(state.NewPods) with { OldAvailable = state.NewAvailable };
        }

        if (deployment.Spec?.Paused == true)
        {
            warnings.Add($"{workload.ResourceName} is paused: no rollout moves until it is resumed (Resume-KubeRollout).");
        }

        var settings = WorkloadStrategyKind.For(WorkloadKind.Deployment).Read(deployment);
        var source = $"{workload.ResourceName}, {(inProgress ? "rollout in progress" : "next rollout")}";
        return (Request(overrides.Replicas ?? liveReplicas, settings, overrides, state, source, workload), warnings);
    }

    public static async Task<(RolloutPlanRequest Request, IReadOnlyList<string> Warnings)> ForDeploymentAsync(
        KubeApiClient client, WorkloadReference workload, RolloutPlanOverrides overrides, CancellationToken cancellationToken)
    {
        if (workload.Kind != WorkloadKind.Deployment)
        {
            throw new KubeRolloutException(
                "PlanNotSupported", FailureKind.InvalidArgument,
                $"{workload.ResourceName}: rollout plans simulate the Deployment controller; {workload.Kind}s replace their pods one by one (see Get-KubeRolloutStatus).", workload);
        }

        var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, ApiResource.Deployments, workload, cancellationToken).ConfigureAwait(false);
        var selector = deployment.Spec?.Selector is { } s ? LabelSelectorMatcher.ToQueryString(s) : null;
        var replicaSets = await client.ListAsync<V1ReplicaSet>(ApiResource.ReplicaSets, workload.Namespace, cancellationToken, labelSelector: selector).ConfigureAwait(false);
        return ForDeployment(workload, deployment, replicaSets.Items, overrides);
    }

    /// <summary>
    /// The strategy after the overrides, validated as the API validates a Deployment's. A maxSurge or
    /// maxUnavailable given without a strategy means RollingUpdate, even for a Deployment that uses Recreate.
    /// </summary>
    private static RolloutPlanRequest Request(int replicas, RolloutSettings current, RolloutPlanOverrides overrides, RolloutPlanState start, string? source, WorkloadReference? workload)
    {
        var amountsGiven = overrides.MaxSurge is not null || overrides.MaxUnavailable is not null;
        var change = new StrategyChange
        {
            Type = overrides.Strategy ?? (amountsGiven ? StrategyType.RollingUpdate : null),
            MaxSurge = overrides.MaxSurge,
            MaxUnavailable = overrides.MaxUnavailable,
        };
        var kind = WorkloadStrategyKind.For(WorkloadKind.Deployment);
        var settings = StrategyEditor.Apply(kind, current, change);
        var problems = new List<ManifestProblem>();
        kind.Validate(settings, problems);
        if (problems.Count > 0)
        {
            throw new StrategyInvalidException(workload, problems);
        }

        var strategy = Enum.Parse<StrategyType>(settings.Type!);
        return new RolloutPlanRequest
        {
            Replicas = replicas,
            Strategy = strategy,
            MaxSurge = IntOrPercent.From(settings.MaxSurge) ?? new IntOrPercent(0, false),
            MaxUnavailable = IntOrPercent.From(settings.MaxUnavailable) ?? new IntOrPercent(0, false),
            Start = start,
            Source = source,
        };
    }

    private static int SpecReplicas(V1ReplicaSet rs) => rs.Spec?.Replicas ?? 0;

    private static int AvailableReplicas(V1ReplicaSet rs) => Math.Min(rs.Status?.AvailableReplicas ?? 0, SpecReplicas(rs));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
