using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.updateStrategy of a DaemonSet: RollingUpdate (exactly one of maxSurge and maxUnavailable) or OnDelete.</summary>
internal sealed class DaemonSetStrategyKind : WorkloadStrategyKind
{
    public override WorkloadKind Kind => WorkloadKind.DaemonSet;

    public override string StrategyField => "updateStrategy";

    public override IEnumerable<string> Unsupported(StrategyChange change)
    {
        if (change.Partition is not null)
        {
            yield return NotFor("Partition", "DaemonSet", "a partition holds back StatefulSet pods by ordinal; DaemonSet pods have none");
        }

        if (change.ProgressDeadlineSeconds is not null)
        {
            yield return NotFor("ProgressDeadlineSeconds", "DaemonSet", "only Deployments report a progress deadline (unknown field \"spec.progressDeadlineSeconds\")");
        }
    }

    public override Task<IKubernetesObject<V1ObjectMeta>> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        GetAsync<V1DaemonSet>(client, Resource, workload, cancellationToken);

    public override Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(KubeApiClient client, WorkloadReference workload, string patch, CancellationToken cancellationToken) =>
        PatchAsync<V1DaemonSet>(client, Resource, workload, patch, cancellationToken);

    public override RolloutSettings Read(IKubernetesObject<V1ObjectMeta> workload)
    {
        var spec = ((V1DaemonSet)workload).Spec;
        var rollingUpdate = spec?.UpdateStrategy?.RollingUpdate;
        return new RolloutSettings
        {
            Type = spec?.UpdateStrategy?.Type,
            HasRollingUpdate = rollingUpdate is not null,
            MaxSurge = rollingUpdate?.MaxSurge,
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
            MinReadySeconds = spec?.MinReadySeconds ?? 0, // a plain int32 with omitempty: the server leaves 0 out
            RevisionHistoryLimit = spec?.RevisionHistoryLimit,
        };
    }

    public override V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1DaemonSet)workload).Spec?.Template;

    /// <summary>One pod per eligible node: known once the controller has counted the nodes.</summary>
    public override int? PodCountOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1DaemonSet)workload).Status?.DesiredNumberScheduled;

    /// <summary>SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10.</summary>
    public override RolloutSettings WithDefaults(RolloutSettings settings)
    {
        var type = string.IsNullOrEmpty(settings.Type) ? nameof(StrategyType.RollingUpdate) : settings.Type;
        var result = settings with
        {
            Type = type,
            MinReadySeconds = settings.MinReadySeconds ?? 0,
            RevisionHistoryLimit = settings.RevisionHistoryLimit ?? 10,
        };
        return type == nameof(StrategyType.RollingUpdate)
            ? result with { HasRollingUpdate = true, MaxUnavailable = settings.MaxUnavailable ?? 1, MaxSurge = settings.MaxSurge ?? 0 }
            : result;
    }

    public override void Validate(RolloutSettings settings, List<ManifestProblem> problems) =>
        WorkloadValidator.ValidateDaemonSetRollout(
            new V1DaemonSetSpec
            {
                UpdateStrategy = new V1DaemonSetUpdateStrategy
                {
                    Type = settings.Type,
                    RollingUpdate = settings.HasRollingUpdate ? new V1RollingUpdateDaemonSet { MaxSurge = settings.MaxSurge, MaxUnavailable = settings.MaxUnavailable } : null,
                },
                MinReadySeconds = settings.MinReadySeconds,
                RevisionHistoryLimit = settings.RevisionHistoryLimit,
            },
            problems);
}
