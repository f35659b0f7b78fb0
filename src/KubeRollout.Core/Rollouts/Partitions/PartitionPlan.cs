using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>
/// The partition steps for one StatefulSet, with the warnings about the target; <see cref="Staged"/> when the
/// partition is lowered step by step, each step waited for.
/// </summary>
public sealed record PartitionPlan(WorkloadReference StatefulSet, int Replicas, int CurrentPartition, IReadOnlyList<PartitionStepPlan> Steps, IReadOnlyList<string> Warnings, bool Staged = false);
