using System.Globalization;
using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>The patches kubectl rollout sends that do not depend on what is read first.</summary>
internal static class RolloutPatches
{
    /// <summary>
    /// kubectl rollout restart: the restartedAt template annotation (RFC 3339), as a strategic merge patch; with a
    /// change cause, the workload's kubernetes.io/change-cause too, which the controller copies to the new revision.
    /// </summary>
    public static async Task<RolloutActionResult> RestartAsync(
        KubeApiClient client, ApiResource resource, WorkloadReference workload, DateTime now, bool dryRun, string? changeCause, CancellationToken cancellationToken)
    {
        var restartedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["annotations"] = new JsonObject
                        {
                            [WellKnownAnnotations.RestartedAt] = restartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        },
                    },
                },
            },
        };
        if (changeCause is not null)
        {
            patch["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [WellKnownAnnotations.ChangeCause] = changeCause } };
        }

        await client.PatchAsync<JsonObject>(resource, workload.Namespace, workload.Name, patch.ToJsonString(), PatchKind.StrategicMerge, dryRun, cancellationToken).ConfigureAwait(false);
        return new RolloutActionResult
        {
            Kind = workload.Kind,
            Namespace = workload.Namespace,
            Name = workload.Name,
            Action = RolloutAction.Restarted,
            RestartedAt = restartedAt,
            DryRun = dryRun,
            Message = $"{workload.ResourceName} restarted{(dryRun ? " (server dry run)" : string.Empty)}",
        };
    }
}
