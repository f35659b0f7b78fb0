using k8s.Models;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.updateStrategy of a DaemonSet: RollingUpdate (exactly one of maxSurge and maxUnavailable) or OnDelete.</summary>
internal sealed class DaemonSetStrategyKind : TypedWorkloadStrategyKind<V1DaemonSet>
{
    public override WorkloadKind Kind => WorkloadKind.DaemonSet;

    public override string StrategyField => "updateStrategy";

    public override IEnumerable<string> Unsupported(StrategyChange change) =>
        new[] { PartitionNotSupported(change), ProgressDeadlineNotSupported(change) }.OfType<string>();

    protected override RolloutSettings ReadSettings(V1DaemonSet workload)
    {
        var spec = workload.Spec;
        var rollingUpdate = spec?.UpdateStrategy?.RollingUpdate;
        return SharedSettings(spec?.UpdateStrategy?.Type, rollingUpdate, spec?.MinReadySeconds, spec?.RevisionHistoryLimit) with
        {
            MaxSurge = rollingUpdate?.MaxSurge,
            MaxUnavailable = rollingUpdate?.MaxUnavailable,
        };
    }

    protected override V1PodTemplateSpec? TemplateOf(V1DaemonSet workload) => workload.Spec?.Template;

    /// <summary>One pod per eligible node: known once the controller has counted the nodes.</summary>
    protected override int? PodCountOf(V1DaemonSet workload) => workload.Status?.DesiredNumberScheduled;

    /// <summary>SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10.</summary>
    protected override RolloutSettings WithRollingUpdateDefaults(RolloutSettings settings) =>
        settings with { MaxUnavailable = settings.MaxUnavailable ?? 1, MaxSurge = settings.MaxSurge ?? 0 };

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
