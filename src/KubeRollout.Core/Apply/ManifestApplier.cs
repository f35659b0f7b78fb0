using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Apply;

/// <summary>
/// Applies manifest objects declaratively (objects without a namespace go to <c>defaultNamespace</c>): a three-way merge of the last applied configuration, the manifest and
/// the live object, written with the object's resourceVersion (and recomputed from a fresh read on conflict), so
/// that concurrent changes of others are kept. The last applied configuration is recorded in an annotation that
/// the Deployment controller copies to each ReplicaSet, so an undo brings back the configuration of the restored
/// revision and the next apply does not resurrect fields of the revision that was undone.
/// </summary>
public sealed class ManifestApplier(KubeApiClient client, string defaultNamespace)
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet"];
    private static readonly TimeSpan ObservationWait = TimeSpan.FromSeconds(15);

    /// <summary>What applying the object would do, reading only.</summary>
    public async Task<ApplyPlan> PlanAsync(ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken)
    {
        var resource = ApiResource.For(manifest.ApiVersion, manifest.Kind)
            ?? throw new KubeRolloutException("ManifestKindUnknown", FailureKind.InvalidData, $"{manifest.Location}: the kind {manifest.Kind} cannot be applied.", manifest);
        var @namespace = resource.Namespaced ? manifest.Namespace ?? defaultNamespace : null;
        var live = await client.FindAsync<JsonObject>(resource, @namespace, manifest.Name, cancellationToken).ConfigureAwait(false);
        return Plan(manifest, resource, @namespace, live, options);
    }

    /// <summary>Applies one object and reports what happened; on conflict the plan is recomputed from a fresh read.</summary>
    public Task<ApplyResult> ApplyAsync(ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(async token =>
        {
            var plan = await PlanAsync(manifest, options, token).ConfigureAwait(false);
            if (plan.Action == ApplyAction.Unchanged)
            {
                return Result(plan, options, revision: RevisionOf(plan.Live));
            }

            JsonObject written;
            try
            {
                written = plan.Live is null
                    ? await client.CreateAsync(plan.Resource, plan.Namespace, plan.Desired, options.ServerDryRun, token).ConfigureAwait(false)
                    : await client.ReplaceAsync(plan.Resource, plan.Namespace, manifest.Name, plan.Desired, options.ServerDryRun, token).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (!e.IsConflict)
            {
                throw Rejected(manifest, e);
            }

            var revision = !options.ServerDryRun && plan.TemplateChanged && manifest.Kind == "Deployment"
                ? await ObservedRevisionAsync(plan, written, token).ConfigureAwait(false)
                : RevisionOf(written);
            return Result(plan, options, revision);
        }, cancellationToken);

    private static ApplyPlan Plan(ManifestObject manifest, ApiResource resource, string? @namespace, JsonObject? live, ApplyOptions options)
    {
        var configuration = (JsonObject)manifest.Json.DeepClone();
        var metadata = configuration["metadata"]!.AsObject();
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        var desired = live is null ? (JsonObject)configuration.DeepClone() : ThreeWayMerge.Merge(LastAppliedConfiguration.Read(live), configuration, live);
        var annotations = Annotations(desired);
        var recorded = LastAppliedConfiguration.Serialize(configuration);
        annotations[WellKnownAnnotations.LastApplied] = recorded;
        if (manifest.Kind != "Secret")
        {
            annotations[WellKnownAnnotations.KubectlLastApplied] = recorded;
        }

        var isWorkload = WorkloadKinds.Contains(manifest.Kind);
        var liveTemplate = Template(live);
        var desiredTemplate = Template(desired);
        var templateChanged = isWorkload && (live is null || !PodTemplates.EqualIgnoringHash(liveTemplate, desiredTemplate));
        string? changeCause = null;
        if (templateChanged)
        {
            // The controller copies the workload's annotations to the new revision: a cause left from an earlier
            // apply would be inherited stale, so it is replaced or removed whenever the template changes.
            var fromManifest = manifest.Object.Metadata.Annotations is { } own && own.TryGetValue(WellKnownAnnotations.ChangeCause, out var cause) ? cause : null;
            changeCause = options.ChangeCause ?? fromManifest;
            if (changeCause is null)
            {
                annotations.Remove(WellKnownAnnotations.ChangeCause);
            }
            else
            {
                annotations[WellKnownAnnotations.ChangeCause] = changeCause;
            }
        }

        var action = live is null ? ApplyAction.Created : JsonNode.DeepEquals(desired, live) ? ApplyAction.Unchanged : ApplyAction.Configured;
        var changes = templateChanged && live is not null ? PodTemplateDiff.Between(liveTemplate, desiredTemplate) : [];
        return new ApplyPlan(manifest, resource, @namespace, live, desired, action, templateChanged, changeCause, changes);
    }

    /// <summary>
    /// The revision the controller gives the changed template: a template change always yields a different number
    /// (a new ReplicaSet, or an old one renumbered), so the wait is for the controller to have observed the write
    /// and the Deployment's revision to have moved.
    /// </summary>
    private async Task<long?> ObservedRevisionAsync(ApplyPlan plan, JsonObject written, CancellationToken cancellationToken)
    {
        var generation = written["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var previous = RevisionOf(plan.Live);
        var (deployment, observed) = await ObjectWatcher.WaitUntilAsync<V1Deployment>(
            client, ApiResource.Deployments, plan.Namespace!, plan.Manifest.Name,
            d => d is null || ((d.Status?.ObservedGeneration ?? 0) >= generation && Revision(d) is { } now && now != previous),
            ObservationWait, cancellationToken).ConfigureAwait(false);
        return observed && deployment is not null ? Revision(deployment) : null;
    }

    private static long? Revision(V1Deployment deployment) =>
        deployment.Metadata.Annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    private static ApplyResult Result(ApplyPlan plan, ApplyOptions options, long? revision) => new()
    {
        Kind = plan.Manifest.Kind,
        Namespace = plan.Namespace ?? string.Empty,
        Name = plan.Manifest.Name,
        Action = plan.Action,
        RolloutTriggered = plan.TemplateChanged,
        Revision = plan.Manifest.Kind == "Deployment" ? revision : null,
        ChangeCause = plan.ChangeCause,
        DryRun = options.ServerDryRun,
        Changes = plan.Changes,
        Source = plan.Manifest.Location.ToString(),
    };

    private static long? RevisionOf(JsonObject? obj) =>
        obj?["metadata"]?["annotations"]?[WellKnownAnnotations.Revision]?.GetValue<string>() is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    private static V1PodTemplateSpec? Template(JsonObject? obj) =>
        obj?["spec"]?["template"] is JsonObject template ? KubernetesJson.Deserialize<V1PodTemplateSpec>(template.ToJsonString()) : null;

    private static JsonObject Annotations(JsonObject obj)
    {
        var metadata = obj["metadata"]!.AsObject();
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = new JsonObject();
            metadata["annotations"] = annotations;
        }

        return annotations;
    }

    private static KubeRolloutException Rejected(ManifestObject manifest, KubeApiException e) =>
        new($"Apply{e.ErrorId}", e.Kind, $"{manifest.Kind} \"{manifest.Name}\" ({manifest.Location}) was refused by the cluster: {e.Message}", manifest, e);
}
