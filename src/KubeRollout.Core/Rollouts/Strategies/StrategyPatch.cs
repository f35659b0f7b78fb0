using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// The strategic merge patch that changes only the rollout settings that differ. It carries the resourceVersion it
/// was computed from, so the server refuses it (409 Conflict) when someone changed the workload in between,
/// instead of applying a change that was validated against an older version. Keys that go away are sent as
/// null, which every server deletes the same way for Deployments (whose strategy also knows $retainKeys) and for
/// StatefulSets and DaemonSets (whose updateStrategy has no patch strategy).
/// </summary>
internal static class StrategyPatch
{
    public static string Build(WorkloadStrategyKind kind, RolloutSettings before, RolloutSettings after, string? resourceVersion)
    {
        var spec = new JsonObject();
        if (StrategyDifferences.StrategyDiffers(before, after))
        {
            spec[kind.StrategyField] = Strategy(before, after);
        }

        SetIfChanged(spec, "minReadySeconds", before.MinReadySeconds, after.MinReadySeconds);
        SetIfChanged(spec, "progressDeadlineSeconds", before.ProgressDeadlineSeconds, after.ProgressDeadlineSeconds);
        SetIfChanged(spec, "revisionHistoryLimit", before.RevisionHistoryLimit, after.RevisionHistoryLimit);
        var patch = new JsonObject { ["spec"] = spec };
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        }

        return patch.ToJsonString();
    }

    private static JsonObject Strategy(RolloutSettings before, RolloutSettings after)
    {
        var strategy = new JsonObject { ["type"] = after.Type };
        if (after.HasRollingUpdate)
        {
            var rollingUpdate = new JsonObject();
            SetAmount(rollingUpdate, "maxSurge", before.MaxSurge, after.MaxSurge);
            SetAmount(rollingUpdate, "maxUnavailable", before.MaxUnavailable, after.MaxUnavailable);
            if (after.Partition is not null || before.Partition is not null)
            {
                rollingUpdate["partition"] = after.Partition;
            }

            strategy["rollingUpdate"] = rollingUpdate;
        }
        else if (before.HasRollingUpdate)
        {
            strategy["rollingUpdate"] = null;
        }

        return strategy;
    }

    private static void SetAmount(JsonObject target, string key, IntOrString? before, IntOrString? after)
    {
        if (after?.Value is { } text)
        {
            target[key] = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
        }
        else if (before is not null)
        {
            target[key] = null;
        }
    }

    private static void SetIfChanged(JsonObject spec, string key, int? before, int? after)
    {
        if (before != after)
        {
            spec[key] = after;
        }
    }
}
