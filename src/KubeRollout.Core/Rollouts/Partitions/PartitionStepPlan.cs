namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>One change of a StatefulSet's partition and the ordinals it lets the controller replace (highest first).</summary>
public sealed record PartitionStepPlan(int From, int To, IReadOnlyList<int> Ordinals)
{
    public override string ToString() =>
        Ordinals.Count == 0
            ? $"partition {From} -> {To}: replaces no pod"
            : $"partition {From} -> {To}: replaces ordinal{(Ordinals.Count == 1 ? string.Empty : "s")} {string.Join(", ", Ordinals)}";
}
