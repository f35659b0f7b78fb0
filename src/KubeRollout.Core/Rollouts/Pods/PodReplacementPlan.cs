using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>
/// The pods of an OnDelete workload to replace, in order, with what a replacement must become, and what the user
/// should know first (pods named that are already up to date and are left alone).
/// </summary>
public sealed record PodReplacementPlan(
    WorkloadReference Workload,
    string WorkloadUid,
    string PodSelector,
    string UpdateRevision,
    PodReplacementSelection Selection)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
