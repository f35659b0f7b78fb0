using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>The partition steps for one StatefulSet, with the warnings about the target.</summary>
public sealed record PartitionPlan(WorkloadReference StatefulSet, int Replicas, int CurrentPartition, IReadOnlyList<PartitionStepPlan> Steps, IReadOnlyList<string> Warnings);
