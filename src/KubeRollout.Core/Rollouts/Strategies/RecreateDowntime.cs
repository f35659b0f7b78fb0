using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// The downtime of a Recreate rollout (pure): the Deployment controller stops every old pod before it starts a new
/// one, so the application is down from the start of the rollout until the new pods are ready. Whoever starts such
/// a rollout (an apply, a restart, an undo), or makes a Deployment roll out that way, is told.
/// </summary>
public static class RecreateDowntime
{
    public const string Explanation =
        "Recreate stops every old pod before it starts any new one: the application is down from the start of each rollout until the new pods are ready.";

    /// <summary>
    /// The warning for a write of a Deployment (null when there is nothing to warn about): a rollout under Recreate
    /// while pods run, or a switch to Recreate that rolls nothing out yet.
    /// </summary>
    /// <param name="live">The Deployment before the write (null: the write creates it, and no pod runs yet).</param>
    /// <param name="after">The Deployment as the write makes it.</param>
    public static string? Warning(string kind, string name, JsonObject? live, JsonObject after, bool rolloutTriggered)
    {
        if (kind != "Deployment" || live is null || StrategyOf(after) != nameof(StrategyType.Recreate))
        {
            return null;
        }

        if (!rolloutTriggered)
        {
            return StrategyOf(live) == nameof(StrategyType.Recreate) ? null : $"deployment/{name} now uses the Recreate strategy. {Explanation}";
        }

        var pods = live["status"]?["replicas"]?.GetValue<int>() ?? live["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        return RolloutWarning(name, pods);
    }

    /// <summary>The warning for a rollout a restart or an undo starts: null unless the Deployment uses Recreate and has pods.</summary>
    public static string? Warning(V1Deployment deployment) =>
        deployment.Spec?.Strategy?.Type == nameof(StrategyType.Recreate)
            ? RolloutWarning(deployment.Metadata.Name, deployment.Status?.Replicas ?? deployment.Spec.Replicas ?? 1)
            : null;

    /// <param name="pods">The pods that run now and are all stopped first.</param>
    private static string? RolloutWarning(string name, int pods)
    {
        if (pods == 0)
        {
            return null;
        }

        var all = pods == 1 ? "its pod is" : $"all {pods.ToString(CultureInfo.InvariantCulture)} of its pods are";
        return $"deployment/{name} rolls out with the Recreate strategy: {all} stopped before any new one starts, so the application is down until the new pods are ready.";
    }

    private static string StrategyOf(JsonObject deployment) =>
        deployment["spec"]?["strategy"]?["type"]?.GetValue<string>() ?? nameof(StrategyType.RollingUpdate);
}
