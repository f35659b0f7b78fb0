using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>The pods of an OnDelete workload to replace, in order, with what a replacement must become.</summary>
public sealed record PodReplacementPlan(
    WorkloadReference Workload,
    string WorkloadUid,
    string PodSelector,
    string UpdateRevision,
    PodReplacementSelection Selection);
