using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Apply;

/// <summary>
/// A Deployment revision that kubectl apply made carries the module's record of an older apply: kubectl updates only
/// its own record, which the controller does not copy to the ReplicaSet, and the controller copies the module's stale
/// one. An undo to that revision would then restore a record without what kubectl applied, and the next apply would
/// keep those fields (kubectl#1301). So when the module rolls out over a template kubectl applied, it first gives the
/// ReplicaSet of that revision kubectl's record as the module's.
/// </summary>
internal static class KubectlAppliedRevisions
{
    /// <summary>Records kubectl's configuration on the revisions the apply replaced, where kubectl applied them.</summary>
    public static async Task RecordAsync(KubeApiClient client, IReadOnlyList<AppliedObject> applied, CancellationToken cancellationToken)
    {
        foreach (var replaced in applied.Where(a => a.Result is { Kind: "Deployment", RolloutTriggered: true, DryRun: false } && a.Before is not null))
        {
            if (KubectlRecordOfLiveTemplate(replaced.Before!) is not { } record)
            {
                continue;
            }

            try
            {
                await RecordOnReplicaSetAsync(client, replaced.Before!, record, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KubeApiException || e is KubeRolloutException { Kind: not FailureKind.OperationStopped })
            {
                // Only a later undo to that revision depends on it, and the apply itself is done: it is not failed for this.
            }
        }
    }

    /// <summary>
    /// kubectl's record when it describes the live template and the module's does not (kubectl applied after the
    /// module, or the module never applied); null when the module's record is the one of the live template.
    /// </summary>
    public static string? KubectlRecordOfLiveTemplate(JsonObject live)
    {
        var annotations = live["metadata"]?["annotations"];
        var kubectl = annotations?[WellKnownAnnotations.KubectlLastApplied]?.GetValue<string>();
        var own = annotations?[WellKnownAnnotations.LastApplied]?.GetValue<string>();
        return kubectl is not null && kubectl != own && DescribesTemplate(kubectl, live) && (own is null || !DescribesTemplate(own, live))
            ? kubectl
            : null;
    }

    /// <summary>Whether applying the recorded configuration would leave the live pod template as it is.</summary>
    private static bool DescribesTemplate(string record, JsonObject live)
    {
        JsonObject? configuration;
        try
        {
            configuration = JsonNode.Parse(record) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        if (configuration is null)
        {
            return false;
        }

        var schema = PatchSchema.Of(typeof(V1Deployment));
        var applied = StrategicMergePatch.Apply(live, StrategicMergePatch.CreateThreeWay(null, configuration, live, schema), schema);
        return PodTemplates.EqualIgnoringHash(Template(live), Template(applied));
    }

    private static async Task RecordOnReplicaSetAsync(KubeApiClient client, JsonObject live, string record, CancellationToken cancellationToken)
    {
        var deployment = KubernetesJson.Deserialize<V1Deployment>(live.ToJsonString());
        var current = (await DeploymentRolloutOperations.HistoryOfAsync(client, deployment, warn: null, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.IsCurrent);
        if (current is null)
        {
            return;
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [WellKnownAnnotations.LastApplied] = record } } };
        await client.PatchAsync<JsonObject>(
            ApiResource.ReplicaSets, deployment.Metadata.NamespaceProperty, current.Source, patch.ToJsonString(), PatchKind.StrategicMerge, dryRun: false, cancellationToken).ConfigureAwait(false);
    }

    private static V1PodTemplateSpec? Template(JsonObject obj) =>
        obj["spec"]?["template"] is JsonObject template ? KubernetesJson.Deserialize<V1PodTemplateSpec>(template.ToJsonString()) : null;
}
