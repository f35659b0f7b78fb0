using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>
/// The steps that take a StatefulSet's partition from where it is to a target. The controller updates the pods whose
/// ordinal is at or above the partition, so lowering it from F to T lets it replace ordinals F−1 down to T (those
/// below the replica count); raising it replaces nothing. With a step size the partition goes down that many
/// ordinals at a time.
/// </summary>
public static class PartitionPlanner
{
    public static IReadOnlyList<PartitionStepPlan> Steps(int current, int target, int replicas, int? step = null)
    {
        if (target < 0)
        {
            throw new KubeRolloutException("PartitionInvalid", FailureKind.InvalidArgument, $"The partition must be 0 or more, not {target}.", target);
        }

        if (step is < 1)
        {
            throw new KubeRolloutException("PartitionStepInvalid", FailureKind.InvalidArgument, $"The step must be 1 or more, not {step}.", step);
        }

        if (target >= current || step is null)
        {
            return [new PartitionStepPlan(current, target, Replaced(current, target, replicas))];
        }

        var steps = new List<PartitionStepPlan>();
        // Start from the replica count when the partition is above it: lowering it down to there replaces nothing.
        var from = current;
        var next = Math.Min(current, replicas);
        while (next > target)
        {
            next = Math.Max(target, next - step.Value);
            steps.Add(new PartitionStepPlan(from, next, Replaced(from, next, replicas)));
            from = next;
        }

        return steps;
    }

    /// <summary>The ordinals a change of partition lets the controller replace, highest first.</summary>
    public static IReadOnlyList<int> Replaced(int from, int to, int replicas)
    {
        var top = Math.Min(from, replicas) - 1;
        return to >= from ? [] : Enumerable.Range(to, Math.Max(0, top - to + 1)).Reverse().ToList();
    }

    /// <summary>A warning when the partition is above the replica count: the API allows it, and nothing updates.</summary>
    public static string? Warning(string resourceName, int target, int replicas) =>
        target > replicas
            ? $"{resourceName}: partition {target} is above the replica count ({replicas}), so no pod will be updated."
            : null;
}
