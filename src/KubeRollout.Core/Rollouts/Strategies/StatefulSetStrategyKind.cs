using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.updateStrategy of a StatefulSet: RollingUpdate (partition, maxUnavailable) or OnDelete.</summary>
internal sealed class StatefulSetStrategyKind : WorkloadStrategyKind
{
    public override WorkloadKind Kind => WorkloadKind.StatefulSet;

    public override string StrategyField => "updateStrategy";

    public override IEnumerable<string> Unsupported(StrategyChange change)
    {
        if (change.MaxSurge is not null)
        {
            yield return NotFor("MaxSurge", "StatefulSet", "a StatefulSet replaces each pod in place under the same name, so it never runs extra pods (unknown field \"spec.updateStrategy.rollingUpdate.maxSurge\")");
        }

        if (change.ProgressDeadlineSeconds is not null)
        {
            yield return NotFor("ProgressDeadlineSeconds", "StatefulSet", "only Deployments report a progress deadline (unknown field \"spec.progressDeadlineSeconds\")");
        }
    }

    public override Task<IKubernetesObject<V1ObjectMeta>> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        GetAsync<V1StatefulSet>(client, Resource, workload, cancellationToken);

    public override Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(KubeApiClient client, WorkloadReference workload, string patch, CancellationToken cancellationToken) =>
        PatchAsync<V1StatefulSet>(client, Resource, workload, patch, cancellationToken);

    public override RolloutSettings Read(IKubernetesObject<V1ObjectMeta> workload)
    {
        var spec = ((V1StatefulSet)workload).Spec;
        var rollingUpdate = spec?.UpdateStrategy?.RollingUpdate;
        return new RolloutSettings
        {
            Type = spec?.UpdateStrategy?.Type,
            HasRollingUpdate = rollingUpdate is not null,
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
            Partition = rollingUpdate?.Partition,
            MinReadySeconds = spec?.MinReadySeconds ?? 0, // a plain int32 with omitempty: the server leaves 0 out
            RevisionHistoryLimit = spec?.RevisionHistoryLimit,
        };
    }

    public override V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1StatefulSet)workload).Spec?.Template;

    public override int? PodCountOf(IKubernetesObject<V1ObjectMeta> workload) => ((V1StatefulSet)workload).Spec?.Replicas ?? 1;

    /// <summary>SetDefaults_StatefulSet: RollingUpdate with partition 0 (maxUnavailable has no default), history 10.</summary>
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
            ? result with { HasRollingUpdate = true, Partition = settings.Partition ?? 0 }
            : result;
    }

    public override void Validate(RolloutSettings settings, List<ManifestProblem> problems) =>
        WorkloadValidator.ValidateStatefulSetRollout(
            new V1StatefulSetSpec
            {
                UpdateStrategy = new V1StatefulSetUpdateStrategy
                {
                    Type = settings.Type,
                    RollingUpdate = settings.HasRollingUpdate ? new V1RollingUpdateStatefulSetStrategy { Partition = settings.Partition, MaxUnavailable = settings.MaxUnavailable } : null,
                },
                MinReadySeconds = settings.MinReadySeconds,
                RevisionHistoryLimit = settings.RevisionHistoryLimit,
            },
            problems);
}
