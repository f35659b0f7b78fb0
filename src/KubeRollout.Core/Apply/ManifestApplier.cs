using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Apply;

/// <summary>
/// Applies manifest objects declaratively as <c>kubectl apply</c> does (objects without a namespace go to
/// <c>defaultNamespace</c>): a new object is created with the record of its configuration; an existing one gets the
/// strategic merge patch computed from the last applied configuration, the manifest and the live object, so that
/// the fields others set are kept and only what the last apply set and the manifest no longer sets is removed.
/// The configuration is recorded in the module's annotation, which the Deployment controller copies to each
/// ReplicaSet (an undo brings back the configuration of the restored revision and the next apply does not
/// resurrect fields of the revision that was undone), and in kubectl's.
/// </summary>
internal static class ManifestApplier
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet"];

    /// <summary>What applying the object would do, reading only.</summary>
    public static async Task<ObjectApplyPlan> PlanAsync(KubeApiClient client, string defaultNamespace, ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken)
    {
        var resource = ApiResource.For(manifest.ApiVersion, manifest.Kind)
            ?? throw new KubeRolloutException("ManifestKindUnknown", FailureKind.InvalidData, $"{manifest.Location}: the kind {manifest.Kind} cannot be applied.", manifest.Location);
        var @namespace = resource.Namespaced ? manifest.Namespace ?? defaultNamespace : null;
        var live = await client.FindAsync<JsonObject>(resource, @namespace, manifest.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            return Plan(manifest, resource, @namespace, live, options);
        }
        catch (InvalidPatchException e)
        {
            throw new KubeRolloutException(
                "ApplyMergeFailed", FailureKind.InvalidData, $"{manifest.Kind} \"{manifest.Name}\" ({manifest.Location}) cannot be merged with the live object: {e.Message}",
                new ObjectReference(manifest.Kind, @namespace, manifest.Name), e);
        }
    }

    /// <summary>Applies one object and reports what happened; a write refused as a conflict is planned again from a fresh read.</summary>
    public static Task<AppliedObject> ApplyAsync(KubeApiClient client, string defaultNamespace, ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(async token =>
        {
            var plan = await PlanAsync(client, defaultNamespace, manifest, options, token).ConfigureAwait(false);
            if (plan.Action == ApplyAction.Unchanged)
            {
                return await AppliedAsync(client, plan, options, plan.Live!, token).ConfigureAwait(false);
            }

            JsonObject written;
            try
            {
                written = plan.Patch is null
                    ? await client.CreateAsync(plan.Resource, plan.Namespace, plan.Desired, options.ServerDryRun, token).ConfigureAwait(false)
                    : await client.PatchAsync<JsonObject>(plan.Resource, plan.Namespace, manifest.Name, plan.Patch.ToJsonString(), PatchKind.StrategicMerge, options.ServerDryRun, token).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (!e.IsConflict)
            {
                throw Rejected(plan, e);
            }

            return await AppliedAsync(client, plan, options, written, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// What the apply did, with the workload's revision where no controller needs to act first: that of an unchanged
    /// workload, and for a dry run the current one. A write the controller must observe first gets its revision from
    /// <see cref="AppliedRevisions"/> once all writes are done.
    /// </summary>
    private static async Task<AppliedObject> AppliedAsync(KubeApiClient client, ObjectApplyPlan plan, ApplyOptions options, JsonObject written, CancellationToken cancellationToken)
    {
        var result = Result(plan, options, written);
        if (!AppliedRevisions.AwaitsController(result))
        {
            result = result with { Revision = await CurrentRevisionAsync(client, plan, written, cancellationToken).ConfigureAwait(false) };
        }

        return new AppliedObject(result, plan.Resource, plan.Reference, plan.Live, written);
    }

    /// <summary>
    /// What applying the object would do, computed here without asking the server: for objects the server cannot
    /// check yet (their namespace is created by the same apply).
    /// </summary>
    public static async Task<AppliedObject> PreviewAsync(KubeApiClient client, string defaultNamespace, ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(client, defaultNamespace, manifest, options, cancellationToken).ConfigureAwait(false);
        var preview = options with { ServerDryRun = true };
        return new AppliedObject(Result(plan, preview, plan.Desired) with { Revision = AppliedRevisions.RevisionOf(plan.Live) }, plan.Resource, plan.Reference, plan.Live, plan.Desired);
    }

    private static ObjectApplyPlan Plan(ManifestObject manifest, ApiResource resource, string? @namespace, JsonObject? live, ApplyOptions options)
    {
        var configuration = (JsonObject)manifest.Json.DeepClone();
        if (@namespace is not null)
        {
            configuration["metadata"]!.AsObject()["namespace"] = @namespace;
        }

        // What the apply configures: the manifest and the records of it, as kubectl's "modified" configuration.
        var modified = (JsonObject)configuration.DeepClone();
        var recorded = LastAppliedConfiguration.Serialize(configuration);
        var annotations = AnnotationsOf(modified);
        annotations[WellKnownAnnotations.LastApplied] = recorded;
        if (!LastAppliedConfiguration.IsSecret(modified))
        {
            annotations[WellKnownAnnotations.KubectlLastApplied] = recorded;
        }

        var isWorkload = WorkloadKinds.Contains(manifest.Kind);
        var manifestCause = manifest.Object.Metadata.Annotations is { } own && own.TryGetValue(WellKnownAnnotations.ChangeCause, out var cause) ? cause : null;
        if (live is null)
        {
            var changeCause = isWorkload ? options.ChangeCause ?? manifestCause : null;
            if (changeCause is not null)
            {
                annotations[WellKnownAnnotations.ChangeCause] = changeCause;
            }

            return new ObjectApplyPlan(manifest, resource, @namespace, null, null, modified, ApplyAction.Created, isWorkload, changeCause);
        }

        var schema = PatchSchema.Of(resource.ModelType);
        var patch = StrategicMergePatch.CreateThreeWay(LastAppliedConfiguration.Read(live, resource.ModelType), modified, live, schema);
        if (LastAppliedConfiguration.IsSecret(modified) && AnnotationsOrNull(live)?.ContainsKey(WellKnownAnnotations.KubectlLastApplied) == true)
        {
            // kubectl's record of a Secret holds its values in clear: the module's hashed record replaces it.
            AnnotationsOf(patch)[WellKnownAnnotations.KubectlLastApplied] = null;
        }

        var desired = StrategicMergePatch.Apply(live, patch, schema);
        var liveTemplate = Template(live);
        var templateChanged = isWorkload && !PodTemplates.EqualIgnoringHash(liveTemplate, Template(desired));
        string? newCause = null;
        if (templateChanged)
        {
            // The controller copies the workload's annotations to the new revision: a cause left from an earlier
            // apply would be inherited stale, so it is replaced or removed whenever the template changes.
            newCause = options.ChangeCause ?? manifestCause ?? (options.VersionConfig ? ReferenceChanges.Describe(liveTemplate, Template(desired)) : null);
            if (newCause is not null || AnnotationsOrNull(desired)?.ContainsKey(WellKnownAnnotations.ChangeCause) == true)
            {
                AnnotationsOf(patch)[WellKnownAnnotations.ChangeCause] = newCause;
                desired = StrategicMergePatch.Apply(live, patch, schema);
            }
        }

        var action = JsonNode.DeepEquals(desired, live) || (LastAppliedConfiguration.SameBesideRecords(desired, live) && LastAppliedConfiguration.Agrees(live, recorded))
            ? ApplyAction.Unchanged
            : ApplyAction.Configured;
        return new ObjectApplyPlan(manifest, resource, @namespace, live, patch, desired, action, templateChanged, newCause);
    }

    /// <summary>The workload's revision now (null for other objects and for what a dry run would create).</summary>
    private static async Task<long?> CurrentRevisionAsync(KubeApiClient client, ObjectApplyPlan plan, JsonObject written, CancellationToken cancellationToken)
    {
        switch (plan.Manifest.Kind)
        {
            case "Deployment":
                return AppliedRevisions.RevisionOf(written);
            case "StatefulSet" or "DaemonSet" when plan.Live is not null:
                return await AppliedRevisions.ControllerRevisionAsync(
                    client, new WorkloadReference(Enum.Parse<WorkloadKind>(plan.Manifest.Kind), plan.Namespace!, plan.Manifest.Name), cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <param name="after">The object as the server returned it (or, for a preview, as the apply would make it).</param>
    private static ApplyResult Result(ObjectApplyPlan plan, ApplyOptions options, JsonObject after) => new()
    {
        Kind = plan.Manifest.Kind,
        Namespace = plan.Namespace ?? string.Empty,
        Name = plan.Manifest.Name,
        Action = plan.Action,
        RolloutTriggered = plan.TemplateChanged,
        ChangeCause = plan.ChangeCause,
        DryRun = options.ServerDryRun,
        Changes = plan.Live is null || plan.Action == ApplyAction.Unchanged ? [] : ObjectChanges.Between(plan.Manifest.Kind, plan.Live, after),
        DataChanges = plan.Live is null || !ConfigData.IsConfigKind(plan.Manifest.Kind) ? [] : ConfigDataDiff.Between(plan.Live, after),
        VersionOf = AnnotationsOrNull(plan.Manifest.Json)?[ConfigVersioning.VersionOfAnnotation]?.GetValue<string>(),
        Source = plan.Manifest.Location.ToString(),
    };

    private static V1PodTemplateSpec? Template(JsonObject? obj) =>
        obj?["spec"]?["template"] is JsonObject template ? KubernetesJson.Deserialize<V1PodTemplateSpec>(template.ToJsonString()) : null;

    private static JsonObject? AnnotationsOrNull(JsonObject obj) => obj["metadata"]?["annotations"] as JsonObject;

    /// <summary>The metadata.annotations object of an object or a patch, created when missing.</summary>
    private static JsonObject AnnotationsOf(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        return annotations;
    }

    private static KubeRolloutException Rejected(ObjectApplyPlan plan, KubeApiException e) =>
        new($"Apply{e.ErrorId}", e.Kind, $"{plan.Manifest.Kind} \"{plan.Manifest.Name}\" ({plan.Manifest.Location}) was refused by the cluster: {e.Message}", plan.Reference, e);
}
