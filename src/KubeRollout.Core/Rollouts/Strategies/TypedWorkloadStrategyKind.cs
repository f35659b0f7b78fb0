using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// What every workload kind does the same way with its own model type: reading and patching it, the settings all
/// kinds share, the server's common defaults and the refusals of settings only one kind has.
/// </summary>
internal abstract class TypedWorkloadStrategyKind<TWorkload> : WorkloadStrategyKind
    where TWorkload : class, IKubernetesObject<V1ObjectMeta>
{
    public sealed override Task<IKubernetesObject<V1ObjectMeta>> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        GetAsync<TWorkload>(client, Resource, workload, cancellationToken);

    public sealed override Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(KubeApiClient client, WorkloadReference workload, string patch, CancellationToken cancellationToken) =>
        PatchAsync<TWorkload>(client, Resource, workload, patch, cancellationToken);

    public sealed override RolloutSettings Read(IKubernetesObject<V1ObjectMeta> workload) => ReadSettings((TWorkload)workload);

    public sealed override V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload) => TemplateOf((TWorkload)workload);

    public sealed override int? PodCountOf(IKubernetesObject<V1ObjectMeta> workload) => PodCountOf((TWorkload)workload);

    /// <summary>
    /// Every kind defaults the type to RollingUpdate, minReadySeconds to 0 and the history to 10; the rollingUpdate
    /// values and anything else are the kind's own.
    /// </summary>
    public sealed override RolloutSettings WithDefaults(RolloutSettings settings)
    {
        var type = string.IsNullOrEmpty(settings.Type) ? nameof(StrategyType.RollingUpdate) : settings.Type;
        var result = WithKindDefaults(settings with
        {
            Type = type,
            MinReadySeconds = settings.MinReadySeconds ?? 0,
            RevisionHistoryLimit = settings.RevisionHistoryLimit ?? 10,
        });
        return type == nameof(StrategyType.RollingUpdate)
            ? WithRollingUpdateDefaults(result with { HasRollingUpdate = true })
            : result;
    }

    protected abstract RolloutSettings ReadSettings(TWorkload workload);

    protected abstract V1PodTemplateSpec? TemplateOf(TWorkload workload);

    protected abstract int? PodCountOf(TWorkload workload);

    /// <summary>Defaults of this kind outside the rollingUpdate object.</summary>
    protected virtual RolloutSettings WithKindDefaults(RolloutSettings settings) => settings;

    /// <summary>The defaults inside the rollingUpdate object, which exists only for the RollingUpdate type.</summary>
    protected abstract RolloutSettings WithRollingUpdateDefaults(RolloutSettings settings);

    /// <summary>The settings every kind keeps in the same places; the rollingUpdate values are the kind's to add.</summary>
    protected static RolloutSettings SharedSettings(string? type, object? rollingUpdate, int? minReadySeconds, int? revisionHistoryLimit) =>
        new()
        {
            Type = type,
            HasRollingUpdate = rollingUpdate is not null,
            MinReadySeconds = minReadySeconds ?? 0, // a plain int32 with omitempty: the server leaves 0 out
            RevisionHistoryLimit = revisionHistoryLimit,
        };

    protected string? PartitionNotSupported(StrategyChange change) =>
        change.Partition is null ? null : NotFor("Partition", Kind.ToString(), $"a partition holds back StatefulSet pods by ordinal; {Kind} pods have none");

    protected string? ProgressDeadlineNotSupported(StrategyChange change) =>
        change.ProgressDeadlineSeconds is null ? null : NotFor("ProgressDeadlineSeconds", Kind.ToString(), "only Deployments report a progress deadline (unknown field \"spec.progressDeadlineSeconds\")");
}
