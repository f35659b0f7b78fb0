using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.strategy (RollingUpdate with maxSurge and maxUnavailable, or Recreate) and the rollout timings of a Deployment.</summary>
internal sealed class DeploymentStrategyKind : WorkloadStrategyKind
{
    public override WorkloadKind Kind => WorkloadKind.Deployment;

    public override string StrategyField => "strategy";

    public override IEnumerable<string> Unsupported(StrategyChange change)
    {
        if (change.Partition is not null)
        {
            yield return NotFor("Partition", "Deployment", "a partition holds back StatefulSet pods by ordinal; Deployment pods have none");
        }
    }

    public override Task<IKubernetesObject<V1ObjectMeta>> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        GetAsync<V1Deployment>(client, Resource, workload, cancellationToken);

    public override Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(KubeApiClient client, WorkloadReference workload, string patch, CancellationToken cancellationToken) =>
        PatchAsync<V1Deployment>(client, Resource, workload, patch, cancellationToken);

    public override RolloutSettings Read(IKubernetesObject<V1ObjectMeta> workload)
    {
        var spec = ((V1Deployment)workload).Spec;
        var rollingUpdate = spec?.Strategy?.RollingUpdate;
        return new RolloutSettings
        {
            Type = spec?.Strategy?.Type,
            HasRollingUpdate = rollingUpdate is not null,
            MaxSurge = rollingUpdate?.MaxSurge,
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
            MinReadySeconds = spec?.MinReadySeconds ?? 0, // a plain int32 with omitempty: the server leaves 0 out
            ProgressDeadlineSeconds = spec?.ProgressDeadlineSeconds,
            RevisionHistoryLimit = spec?.RevisionHistoryLimit,
        };
    }

    public override V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1Deployment)workload).Spec?.Template;

    public override int? PodCountOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1Deployment)workload).Spec?.Replicas ?? 1;

    /// <summary>SetDefaults_Deployment: RollingUpdate with 25% / 25%, history 10, deadline 600 s.</summary>
    public override RolloutSettings WithDefaults(RolloutSettings settings)
    {
        var type = string.IsNullOrEmpty(settings.Type) ? nameof(StrategyType.RollingUpdate) : settings.Type;
        var result = settings with
        {
            Type = type,
            MinReadySeconds = settings.MinReadySeconds ?? 0,
            RevisionHistoryLimit = settings.RevisionHistoryLimit ?? 10,
            ProgressDeadlineSeconds = settings.ProgressDeadlineSeconds ?? 600,
        };
        return type == nameof(StrategyType.RollingUpdate)
            ? result with { HasRollingUpdate = true, MaxSurge = settings.MaxSurge ?? "25%", MaxUnavailable = settings.MaxUnavailable ?? "25%" }
            : result;
    }

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
