using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.StatefulSets;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>Rollout operations on StatefulSets, as kubectl rollout does them.</summary>
internal sealed class StatefulSetRolloutOperations : ControllerRevisionRolloutOperations<V1StatefulSet>
{
    public override WorkloadKind Kind => WorkloadKind.StatefulSet;

    public override ApiResource Resource => ApiResource.StatefulSets;

    public override RolloutStatus Evaluate(object workload) => StatefulSetStatusEvaluator.Evaluate((V1StatefulSet)workload);

    protected override RolloutStatus Evaluate(V1StatefulSet workload, long? revision) => StatefulSetStatusEvaluator.Evaluate(workload, revision);

    protected override V1LabelSelector? SelectorOf(V1StatefulSet workload) => workload.Spec.Selector;

    protected override V1PodTemplateSpec? TemplateOf(V1StatefulSet workload) => workload.Spec.Template;

    protected override string? UpdateRevisionOf(V1StatefulSet workload) => workload.Status?.UpdateRevision;

    protected override long ObservedGenerationOf(V1StatefulSet workload) => workload.Status?.ObservedGeneration ?? 0;

    protected override async Task<IReadOnlyList<string>> UndoWarningsAsync(KubeApiClient client, V1StatefulSet live, string targetRevision, CancellationToken cancellationToken)
    {
        var selector = live.Spec.Selector is { } s ? LabelSelectorMatcher.ToQueryString(s) : null;
        var pods = await client.ListAsync<V1Pod>(ApiResource.Pods, live.Metadata.NamespaceProperty, cancellationToken, labelSelector: selector).ConfigureAwait(false);
        return ForcedRollback.Warning(live, targetRevision, pods.Items) is { } warning ? [warning] : [];
    }
}
