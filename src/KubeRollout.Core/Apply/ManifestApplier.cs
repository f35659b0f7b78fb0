using System.Globalization;
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
    private static readonly TimeSpan ObservationWait = TimeSpan.FromSeconds(15);

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
                var current = await RevisionAsync(client, plan, plan.Live!, observe: false, token).ConfigureAwait(false);
                return new AppliedObject(Result(plan, options, plan.Live!, current), plan.Resource, plan.Reference, plan.Live, plan.Live!);
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

            var revision = await RevisionAsync(client, plan, written, observe: !options.ServerDryRun, token).ConfigureAwait(false);
            return new AppliedObject(Result(plan, options, written, revision), plan.Resource, plan.Reference, plan.Live, written);
        }, cancellationToken);

    /// <summary>
    /// What applying the object would do, computed here without asking the server: for objects the server cannot
    /// check yet (their namespace is created by the same apply).
    /// </summary>
    public static async Task<AppliedObject> PreviewAsync(KubeApiClient client, string defaultNamespace, ManifestObject manifest, ApplyOptions options, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(client, defaultNamespace, manifest, options, cancellationToken).ConfigureAwait(false);
        var preview = options with { ServerDryRun = true };
        return new AppliedObject(Result(plan, preview, plan.Desired, RevisionOf(plan.Live)), plan.Resource, plan.Reference, plan.Live, plan.Desired);
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

    /// <summary>
    /// The workload's revision once the apply is done (null for other objects, for what a dry run would create, and
    /// when the controller did not observe the write in time). With <paramref name="observe"/> (a real write), the
    /// revision is read once the controller has observed the written generation, so that it is the one the new
    /// template gets. A Deployment names it in an annotation; a StatefulSet or DaemonSet has it in the ControllerRevision
    /// of its template, as kubectl rollout history shows it.
    /// </summary>
    private static async Task<long?> RevisionAsync(KubeApiClient client, ObjectApplyPlan plan, JsonObject written, bool observe, CancellationToken cancellationToken)
    {
        switch (plan.Manifest.Kind)
        {
            case "Deployment":
                return observe && plan.TemplateChanged ? await ObservedRevisionAsync(client, plan, written, cancellationToken).ConfigureAwait(false) : RevisionOf(written);
            case "StatefulSet" or "DaemonSet" when plan.Live is not null || observe:
                var workload = new WorkloadReference(Enum.Parse<WorkloadKind>(plan.Manifest.Kind), plan.Namespace!, plan.Manifest.Name);
                if (observe && plan.Action != ApplyAction.Unchanged && !await ObservedAsync(client, workload, GenerationOf(written), cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                try
                {
                    return (await RolloutOperations.GetStatusAsync(client, workload, cancellationToken).ConfigureAwait(false)).Revision;
                }
                catch (KubeRolloutException e) when (e.ErrorId == "WorkloadNotFound")
                {
                    return null; // deleted right after the apply
                }

            default:
                return null;
        }
    }

    /// <summary>Whether the StatefulSet's or DaemonSet's controller observed <paramref name="generation"/> in time (then its revisions are made).</summary>
    private static async Task<bool> ObservedAsync(KubeApiClient client, WorkloadReference workload, long generation, CancellationToken cancellationToken) =>
        workload.Kind == WorkloadKind.StatefulSet
            ? (await ObjectWatcher.WaitUntilAsync<V1StatefulSet>(
                client, ApiResource.StatefulSets, workload.Namespace, workload.Name,
                s => s is null || (s.Status?.ObservedGeneration ?? 0) >= generation, ObservationWait, cancellationToken).ConfigureAwait(false)).Satisfied
            : (await ObjectWatcher.WaitUntilAsync<V1DaemonSet>(
                client, ApiResource.DaemonSets, workload.Namespace, workload.Name,
                d => d is null || (d.Status?.ObservedGeneration ?? 0) >= generation, ObservationWait, cancellationToken).ConfigureAwait(false)).Satisfied;

    private static long GenerationOf(JsonObject obj) => obj["metadata"]?["generation"]?.GetValue<long>() ?? 0;

    /// <summary>
    /// The revision the controller gives the changed template: a template change always yields a different number
    /// (a new ReplicaSet, or an old one renumbered), so the wait is for the controller to have observed the write
    /// and the Deployment's revision to have moved.
    /// </summary>
    private static async Task<long?> ObservedRevisionAsync(KubeApiClient client, ObjectApplyPlan plan, JsonObject written, CancellationToken cancellationToken)
    {
        var generation = GenerationOf(written);
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

    /// <param name="after">The object as the server returned it (or, for a preview, as the apply would make it).</param>
    private static ApplyResult Result(ObjectApplyPlan plan, ApplyOptions options, JsonObject after, long? revision) => new()
    {
        Kind = plan.Manifest.Kind,
        Namespace = plan.Namespace ?? string.Empty,
        Name = plan.Manifest.Name,
        Action = plan.Action,
        RolloutTriggered = plan.TemplateChanged,
        Revision = revision,
        ChangeCause = plan.ChangeCause,
        DryRun = options.ServerDryRun,
        Changes = plan.Live is null || plan.Action == ApplyAction.Unchanged ? [] : ObjectChanges.Between(plan.Manifest.Kind, plan.Live, after),
        DataChanges = plan.Live is null || !ConfigData.IsConfigKind(plan.Manifest.Kind) ? [] : ConfigDataDiff.Between(plan.Live, after),
        VersionOf = AnnotationsOrNull(plan.Manifest.Json)?[ConfigVersioning.VersionOfAnnotation]?.GetValue<string>(),
        Source = plan.Manifest.Location.ToString(),
    };

    private static long? RevisionOf(JsonObject? obj) =>
        obj?["metadata"]?["annotations"]?[WellKnownAnnotations.Revision]?.GetValue<string>() is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

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
