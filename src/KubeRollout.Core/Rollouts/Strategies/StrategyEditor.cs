using k8s.Models;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>Works out a workload's rollout settings after a change, as the server will store them.</summary>
internal static class StrategyEditor
{
    /// <summary>
    /// Only the given settings change. A switch to Recreate or OnDelete drops rollingUpdate, as the API requires
    /// (values given together with such a type stay, so that the API's refusal is reported); then the server's
    /// defaults fill in what is missing, e.g. 25% / 25% when a Deployment switches back to RollingUpdate.
    /// </summary>
    public static RolloutSettings Apply(WorkloadStrategyKind kind, RolloutSettings current, StrategyChange change)
    {
        var result = current;
        if (change.Type is { } type && type.ToString() != current.Type)
        {
            result = type == StrategyType.RollingUpdate
                ? result with { Type = type.ToString() }
                : result.WithoutRollingUpdate() with { Type = type.ToString() };
        }

        if (change.MaxSurge is { } maxSurge)
        {
            result = result with { HasRollingUpdate = true, MaxSurge = AmountOf(maxSurge) };
        }

        if (change.MaxUnavailable is { } maxUnavailable)
        {
            result = result with { HasRollingUpdate = true, MaxUnavailable = AmountOf(maxUnavailable) };
        }

        if (change.Partition is { } partition)
        {
            result = result with { HasRollingUpdate = true, Partition = partition };
        }

        result = result with
        {
            MinReadySeconds = change.MinReadySeconds ?? result.MinReadySeconds,
            ProgressDeadlineSeconds = change.ProgressDeadlineSeconds ?? result.ProgressDeadlineSeconds,
            RevisionHistoryLimit = change.RevisionHistoryLimit ?? result.RevisionHistoryLimit,
        };
        return kind.WithDefaults(result);
    }

    /// <summary>
    /// "1" becomes the integer 1 and "25%" stays a percentage, as kubectl and YAML would send them; anything else
    /// stays text, which the API's validation then refuses with its own message.
    /// </summary>
    public static IntOrString AmountOf(string text)
    {
        var trimmed = text.Trim();
        return IntOrPercent.TryParse(trimmed, out var parsed) && !parsed.IsPercent ? (IntOrString)parsed.Value : (IntOrString)trimmed;
    }

    public static bool SameAmount(IntOrString? a, IntOrString? b) => a?.Value == b?.Value;
}
