using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// Where one workload kind keeps its rollout settings, which of them it has, the defaults the API server fills in
/// and the API's validation of them.
/// </summary>
internal abstract class WorkloadStrategyKind
{
    private static readonly WorkloadStrategyKind Deployments = new DeploymentStrategyKind();
    private static readonly WorkloadStrategyKind StatefulSets = new StatefulSetStrategyKind();
    private static readonly WorkloadStrategyKind DaemonSets = new DaemonSetStrategyKind();

    public static WorkloadStrategyKind For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => Deployments,
        WorkloadKind.StatefulSet => StatefulSets,
        _ => DaemonSets,
    };

    public abstract WorkloadKind Kind { get; }

    public ApiResource Resource => ApiResource.For(Kind);

    /// <summary>The spec field that holds type and rollingUpdate: "strategy" or "updateStrategy".</summary>
    public abstract string StrategyField { get; }

    /// <summary>The spec path of the strategy, as API messages name it.</summary>
    public string StrategyPath => $"spec.{StrategyField}";

    /// <summary>
    /// The settings of <see cref="StrategyChange"/> this kind does not have, or that would have no effect with the
    /// strategy the change leaves it with (<paramref name="current"/> is what it has now), each with the reason.
    /// </summary>
    public abstract IEnumerable<string> Unsupported(StrategyChange change, RolloutSettings current);

    public abstract Task<IKubernetesObject<V1ObjectMeta>> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken);

    public abstract Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(KubeApiClient client, WorkloadReference workload, string patch, CancellationToken cancellationToken);

    public abstract RolloutSettings Read(IKubernetesObject<V1ObjectMeta> workload);

    public abstract V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload);

    /// <summary>How many pods the workload runs (for a DaemonSet: as many as nodes it is scheduled to), when known.</summary>
    public abstract int? PodCountOf(IKubernetesObject<V1ObjectMeta> workload);

    /// <summary>The settings as the server stores them: what it defaults before validating.</summary>
    public abstract RolloutSettings WithDefaults(RolloutSettings settings);

    public abstract void Validate(RolloutSettings settings, List<ManifestProblem> problems);

    protected static async Task<IKubernetesObject<V1ObjectMeta>> GetAsync<T>(KubeApiClient client, ApiResource resource, WorkloadReference workload, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        await WorkloadReads.GetAsync<T>(client, resource, workload, cancellationToken).ConfigureAwait(false);

    protected static async Task<IKubernetesObject<V1ObjectMeta>> PatchAsync<T>(KubeApiClient client, ApiResource resource, WorkloadReference workload, string patch, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await client.PatchAsync<T>(resource, workload.Namespace, workload.Name, patch, PatchKind.StrategicMerge, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw WorkloadReads.NotFound(resource, workload);
        }
    }

    protected static string NotFor(string parameter, string kind, string reason) => $"-{parameter} does not apply to {kind}s: {reason}";
}
