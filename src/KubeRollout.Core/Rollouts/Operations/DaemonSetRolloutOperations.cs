using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Rollouts.DaemonSets;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>Rollout operations on DaemonSets, as kubectl rollout does them.</summary>
internal sealed class DaemonSetRolloutOperations : ControllerRevisionRolloutOperations<V1DaemonSet>
{
    public override WorkloadKind Kind => WorkloadKind.DaemonSet;

    public override ApiResource Resource => ApiResource.DaemonSets;

    public override RolloutStatus Evaluate(object workload) => DaemonSetStatusEvaluator.Evaluate((V1DaemonSet)workload);

    protected override RolloutStatus Evaluate(V1DaemonSet workload, long? revision) => DaemonSetStatusEvaluator.Evaluate(workload, revision);

    protected override V1LabelSelector? SelectorOf(V1DaemonSet workload) => workload.Spec.Selector;

    protected override V1PodTemplateSpec? TemplateOf(V1DaemonSet workload) => workload.Spec.Template;

    // A DaemonSet's status names no revision: its current one is the newest whose template is the live one.
    protected override string? UpdateRevisionOf(V1DaemonSet workload) => null;

    protected override long ObservedGenerationOf(V1DaemonSet workload) => workload.Status?.ObservedGeneration ?? 0;
}
