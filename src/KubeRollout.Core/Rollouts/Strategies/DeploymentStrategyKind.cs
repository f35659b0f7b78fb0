using k8s.Models;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.strategy (RollingUpdate with maxSurge and maxUnavailable, or Recreate) and the rollout timings of a Deployment.</summary>
internal sealed class DeploymentStrategyKind : TypedWorkloadStrategyKind<V1Deployment>
{
    public override WorkloadKind Kind => WorkloadKind.Deployment;

    public override string StrategyField => "strategy";

    public override IEnumerable<string> Unsupported(StrategyChange change, RolloutSettings current) =>
        new[] { PartitionNotSupported(change) }.OfType<string>();

    protected override RolloutSettings ReadSettings(V1Deployment workload)
    {
        var spec = workload.Spec;
        var rollingUpdate = spec?.Strategy?.RollingUpdate;
        return SharedSettings(spec?.Strategy?.Type, rollingUpdate, spec?.MinReadySeconds, spec?.RevisionHistoryLimit) with
        {
            MaxSurge = rollingUpdate?.MaxSurge,
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
            ProgressDeadlineSeconds = spec?.ProgressDeadlineSeconds,
        };
    }

    protected override V1PodTemplateSpec? TemplateOf(V1Deployment workload) => workload.Spec?.Template;

    protected override int? PodCountOf(V1Deployment workload) => workload.Spec?.Replicas ?? 1;

    /// <summary>SetDefaults_Deployment: RollingUpdate with 25% / 25%, history 10, deadline 600 s.</summary>
    protected override RolloutSettings WithKindDefaults(RolloutSettings settings) =>
        settings with { ProgressDeadlineSeconds = settings.ProgressDeadlineSeconds ?? 600 };

    protected override RolloutSettings WithRollingUpdateDefaults(RolloutSettings settings) =>
        settings with { MaxSurge = settings.MaxSurge ?? "25%", MaxUnavailable = settings.MaxUnavailable ?? "25%" };

    public override void Validate(RolloutSettings settings, List<ManifestProblem> problems) =>
        WorkloadValidator.ValidateDeploymentRollout(
            new V1DeploymentSpec
            {
                Strategy = new V1DeploymentStrategy
                {
                    Type = settings.Type,
                    RollingUpdate = settings.HasRollingUpdate ? new V1RollingUpdateDeployment { MaxSurge = settings.MaxSurge, MaxUnavailable = settings.MaxUnavailable } : null,
                },
                MinReadySeconds = settings.MinReadySeconds,
                ProgressDeadlineSeconds = settings.ProgressDeadlineSeconds,
                RevisionHistoryLimit = settings.RevisionHistoryLimit,
            },
            problems);
}
