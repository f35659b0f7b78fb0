using k8s.Models;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>spec.updateStrategy of a DaemonSet: RollingUpdate (exactly one of maxSurge and maxUnavailable) or OnDelete.</summary>
internal sealed class DaemonSetStrategyKind : TypedWorkloadStrategyKind<V1DaemonSet>
{
    public override WorkloadKind Kind => WorkloadKind.DaemonSet;

    public override string StrategyField => "updateStrategy";

    public override IEnumerable<string> Unsupported(StrategyChange change, RolloutSettings current) =>
        new[] { PartitionNotSupported(change), ProgressDeadlineNotSupported(change), RollingUpdateWithoutEffect(change, current) }.OfType<string>();

    /// <summary>
    /// The API stores maxSurge and maxUnavailable beside OnDelete without a word, where they do nothing until the
    /// type changes, and then may be refused (both 0, or both non-zero): a change that sets them must also set
    /// RollingUpdate.
    /// </summary>
    private static string? RollingUpdateWithoutEffect(StrategyChange change, RolloutSettings current)
    {
        var type = change.Type?.ToString() ?? current.Type;
        if (type != nameof(StrategyType.OnDelete) || (change.MaxSurge is null && change.MaxUnavailable is null))
        {
            return null;
        }

        var given = string.Join(" and ", new[] { change.MaxSurge is null ? null : "-MaxSurge", change.MaxUnavailable is null ? null : "-MaxUnavailable" }.OfType<string>());
        return $"{given} {(given.Contains(" and ") ? "do" : "does")} not apply to a DaemonSet with the OnDelete strategy: it replaces a pod only when the pod is deleted, so the value would be stored without effect. Add -Type RollingUpdate to roll out with it.";
    }

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
