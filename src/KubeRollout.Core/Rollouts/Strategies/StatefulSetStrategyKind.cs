using k8s.Models;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.updateStrategy of a StatefulSet: RollingUpdate (partition, maxUnavailable) or OnDelete.</summary>
internal sealed class StatefulSetStrategyKind : TypedWorkloadStrategyKind<V1StatefulSet>
{
    public override WorkloadKind Kind => WorkloadKind.StatefulSet;

    public override string StrategyField => "updateStrategy";

    public override IEnumerable<string> Unsupported(StrategyChange change, RolloutSettings current)
    {
        if (change.MaxSurge is not null)
        {
            yield return NotFor("MaxSurge", "StatefulSet", "a StatefulSet replaces each pod in place under the same name, so it never runs extra pods (unknown field \"spec.updateStrategy.rollingUpdate.maxSurge\")");
        }

        if (ProgressDeadlineNotSupported(change) is { } progressDeadline)
        {
            yield return progressDeadline;
        }
    }

    protected override RolloutSettings ReadSettings(V1StatefulSet workload)
    {
        var spec = workload.Spec;
        var rollingUpdate = spec?.UpdateStrategy?.RollingUpdate;
        return SharedSettings(spec?.UpdateStrategy?.Type, rollingUpdate, spec?.MinReadySeconds, spec?.RevisionHistoryLimit) with
        {
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
            Partition = rollingUpdate?.Partition,
        };
    }

    protected override V1PodTemplateSpec? TemplateOf(V1StatefulSet workload) => workload.Spec?.Template;

    protected override int? PodCountOf(V1StatefulSet workload) => workload.Spec?.Replicas ?? 1;

    /// <summary>SetDefaults_StatefulSet: RollingUpdate with partition 0 (maxUnavailable has no default), history 10.</summary>
    protected override RolloutSettings WithRollingUpdateDefaults(RolloutSettings settings) =>
        settings with { Partition = settings.Partition ?? 0 };

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
