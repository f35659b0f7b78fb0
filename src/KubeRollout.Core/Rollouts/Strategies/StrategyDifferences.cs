using System.Globalization;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>The settings that differ between two versions, named by their path under spec ("strategy.rollingUpdate.maxSurge: 25% -> 1").</summary>
internal static class StrategyDifferences
{
    public const string None = "(none)";

    public static IReadOnlyList<string> Between(WorkloadStrategyKind kind, RolloutSettings before, RolloutSettings after)
    {
        var strategy = kind.StrategyField;
        var differences = new List<string>();
        Add(differences, $"{strategy}.type", before.Type, after.Type);
        Add(differences, $"{strategy}.rollingUpdate.maxSurge", before.MaxSurge?.Value, after.MaxSurge?.Value);
        Add(differences, $"{strategy}.rollingUpdate.maxUnavailable", before.MaxUnavailable?.Value, after.MaxUnavailable?.Value);
        Add(differences, $"{strategy}.rollingUpdate.partition", Text(before.Partition), Text(after.Partition));
        Add(differences, "minReadySeconds", Text(before.MinReadySeconds), Text(after.MinReadySeconds));
        Add(differences, "progressDeadlineSeconds", Text(before.ProgressDeadlineSeconds), Text(after.ProgressDeadlineSeconds));
        Add(differences, "revisionHistoryLimit", Text(before.RevisionHistoryLimit), Text(after.RevisionHistoryLimit));
        return differences;
    }

    public static bool StrategyDiffers(RolloutSettings before, RolloutSettings after) =>
        before.Type != after.Type
        || before.HasRollingUpdate != after.HasRollingUpdate
        || !StrategyEditor.SameAmount(before.MaxSurge, after.MaxSurge)
        || !StrategyEditor.SameAmount(before.MaxUnavailable, after.MaxUnavailable)
        || before.Partition != after.Partition;

    public static string Text(IntOrString? amount) => amount?.Value ?? None;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Add(List<string> differences, string path, string? before, string? after)
    {
        if (before != after)
        {
            differences.Add($"{path}: {before ?? None} -> {after ?? None}");
        }
    }
}
