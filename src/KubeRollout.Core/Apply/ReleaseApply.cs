using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The apply of Invoke-KubeRollout around <see cref="ApplyTransaction"/>: with -VersionConfig the ConfigMaps and
/// Secrets become versions and the references to them are rewritten (<see cref="ConfigVersioning"/>); before anything
/// is written it refuses an apply whose workloads need a ConfigMap or Secret that neither the apply nor the cluster
/// has, or that would change the data of an immutable one, and has the server check every object (a dry run whose
/// result shows every change); a ConfigMap or Secret changed in place names the workloads that read it; afterwards
/// those workloads can be restarted so the change rolls out with a recorded revision.
/// </summary>
public static class ReleaseApply
{
    /// <summary>What the apply will do (reads and server dry runs only): the plan to show, confirm and pass to <see cref="ApplyAsync"/>.</summary>
    public static async Task<ApplyPlan> PlanAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> manifests, ApplyOptions options, CancellationToken cancellationToken)
    {
        var versioned = options.VersionConfig ? ConfigVersioning.Version(manifests, defaultNamespace) : new VersionedManifests(manifests, []);
        var objects = versioned.Objects;
        var newNamespaces = await NewNamespaces.FindAsync(client, objects, cancellationToken).ConfigureAwait(false);
        var refusals = new List<KubeRolloutException>();
        refusals.AddRange(await MissingReferencesAsync(client, defaultNamespace, objects, newNamespaces, cancellationToken).ConfigureAwait(false));
        refusals.AddRange(await ImmutableConflictsAsync(client, defaultNamespace, objects, newNamespaces, cancellationToken).ConfigureAwait(false));
        if (refusals.Count > 0)
        {
            return new ApplyPlan(defaultNamespace, options, objects, [], versioned.Versions, refusals);
        }

        var checkedObjects = await ApplyTransaction.CheckAsync(client, defaultNamespace, objects, newNamespaces, options, cancellationToken).ConfigureAwait(false);
        var results = await WithDependentsAsync(client, checkedObjects.Select(c => c.Result).ToList(), cancellationToken).ConfigureAwait(false);
        var warned = await ApplyWarnings.AddAsync(client, checkedObjects, results, cancellationToken).ConfigureAwait(false);
        warned = await UnusedConfigVersions.WarnAsync(client, defaultNamespace, objects, versioned.Versions, warned, cancellationToken).ConfigureAwait(false);
        return new ApplyPlan(defaultNamespace, options, objects, warned, versioned.Versions, []);
    }

    /// <summary>
    /// Writes the objects of the plan that were approved (all or nothing), each result with what the plan found
    /// out about it: the dependents of config changed in place, and the warnings.
    /// </summary>
    public static async Task<IReadOnlyList<ApplyResult>> ApplyAsync(KubeApiClient client, ApplyPlan plan, IReadOnlyList<ManifestObject> approved, CancellationToken cancellationToken)
    {
        var results = await ApplyTransaction.WriteAsync(client, plan.DefaultNamespace, approved, plan.Options, cancellationToken).ConfigureAwait(false);
        // An object named twice in the apply is written twice: what its last write found is what counts.
        var planned = plan.Results.GroupBy(r => (r.Kind, r.Namespace, r.Name)).ToDictionary(g => g.Key, g => g.Last());
        return results
            .Select(r => planned.TryGetValue((r.Kind, r.Namespace, r.Name), out var p)
                ? r with { Dependents = r.ChangesConfigInPlace ? p.Dependents : r.Dependents, Warnings = p.Warnings }
                : r)
            .ToList();
    }

    /// <summary>
    /// The workloads to wait for after an apply: every workload it created or changed, not only those whose template
    /// changed (a changed spec is rolled out once its controller has observed it, and the status read right after
    /// the wait must say so), and those it restarted.
    /// </summary>
    public static IReadOnlyList<WorkloadReference> WorkloadsToWaitFor(IReadOnlyList<ApplyResult> results, IReadOnlyList<RolloutActionResult> restarted) =>
        results
            .Where(r => r.Action != ApplyAction.Unchanged && !r.DryRun && Enum.TryParse<WorkloadKind>(r.Kind, out _))
            .Select(r => new WorkloadReference(Enum.Parse<WorkloadKind>(r.Kind), r.Namespace, r.Name))
            .Concat(restarted.Select(r => new WorkloadReference(r.Kind, r.Namespace, r.Name)))
            .Distinct()
            .ToList();

    /// <summary>
    /// The workloads to restart after ConfigMaps or Secrets changed in place: every dependent of them, except those
    /// this apply already rolls out (their new pods read the new data anyway).
    /// </summary>
    public static IReadOnlyList<ConfigDependent> DependentsToRestart(IReadOnlyList<ApplyResult> results)
    {
        var rolledOut = results.Where(r => r.RolloutTriggered).Select(r => (r.Kind, r.Namespace, r.Name)).ToHashSet();
        return results
            .Where(r => r.ChangesConfigInPlace)
            .SelectMany(r => r.Dependents)
            .Where(d => !rolledOut.Contains((d.Kind.ToString(), d.Namespace, d.Name)))
            .DistinctBy(d => d.Workload)
            .ToList();
    }

    /// <summary>
    /// Restarts the dependents as kubectl rollout restart does, recording <paramref name="changeCause"/> (or what
    /// changed) on the new revision; a refusal (a paused Deployment) is returned and the others still restart.
    /// </summary>
    public static async Task<IReadOnlyList<(RolloutActionResult? Restarted, KubeRolloutException? Failure)>> RestartDependentsAsync(
        KubeApiClient client, IReadOnlyList<ApplyResult> results, string? changeCause, CancellationToken cancellationToken)
    {
        var changed = results.Where(r => r.ChangesConfigInPlace).ToList();
        var outcomes = new List<(RolloutActionResult?, KubeRolloutException?)>();
        foreach (var dependent in DependentsToRestart(results))
        {
            var sources = changed.Where(r => r.Dependents.Any(d => d.Workload == dependent.Workload)).Select(r => $"{r.Kind.ToLowerInvariant()} {r.Name}");
            var cause = changeCause ?? $"restart: {string.Join(", ", sources)} changed in place";
            try
            {
                outcomes.Add((await RolloutOperations.RestartAsync(client, dependent.Workload, DateTime.UtcNow, dryRun: false, cause, cancellationToken).ConfigureAwait(false), null));
            }
            catch (KubeRolloutException e) when (e.Kind != FailureKind.OperationStopped)
            {
                outcomes.Add((null, e));
            }
        }

        return outcomes;
    }

    /// <summary>Each workload of the apply that needs a ConfigMap, Secret or key that neither the apply nor the cluster has.</summary>
    private static async Task<IReadOnlyList<KubeRolloutException>> MissingReferencesAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> objects, IReadOnlySet<string> newNamespaces, CancellationToken cancellationToken)
    {
        var provided = objects
            .Where(o => ConfigData.IsConfigKind(o.Kind))
            .GroupBy(o => (o.Kind, Namespace: o.Namespace ?? defaultNamespace, o.Name))
            .ToDictionary(g => g.Key, g => g.Last().Json);
        var refusals = new List<KubeRolloutException>();
        foreach (var workload in objects)
        {
            var references = ConfigReferences.InObject(workload.Json);
            if (references.Count == 0)
            {
                continue;
            }

            var @namespace = workload.Namespace ?? defaultNamespace;
            JsonObject? FromApply(string kind, string name) => provided.GetValueOrDefault((kind, @namespace, name));
            var missing = newNamespaces.Contains(@namespace)
                ? ConfigAvailability.Missing(references, (kind, name) => FromApply(kind, name) is { } obj ? ConfigData.Keys(obj) : null)
                : await ConfigAvailability.MissingAsync(client, @namespace, references, FromApply, cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                refusals.Add(new KubeRolloutException(
                    "ConfigReferenceMissing", FailureKind.ObjectNotFound,
                    $"{workload.Kind} \"{workload.Name}\" ({workload.Location}) needs what neither this apply nor namespace {@namespace} has: {string.Join("; ", missing)}. " +
                    "Its pods could not start (ContainerCreating or CreateContainerConfigError). Add the missing objects to the apply, or mark the reference optional: true. Nothing was applied.",
                    new ObjectReference(workload.Kind, @namespace, workload.Name)));
            }
        }

        return refusals;
    }

    /// <summary>Each ConfigMap or Secret of the apply that exists as immutable with other data: the server would refuse the change.</summary>
    private static async Task<IReadOnlyList<KubeRolloutException>> ImmutableConflictsAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> objects, IReadOnlySet<string> newNamespaces, CancellationToken cancellationToken)
    {
        var refusals = new List<KubeRolloutException>();
        foreach (var config in objects.Where(o => ConfigData.IsConfigKind(o.Kind) && !newNamespaces.Contains(o.Namespace ?? defaultNamespace)))
        {
            var @namespace = config.Namespace ?? defaultNamespace;
            var resource = ConfigData.IsSecret(config.Json) ? ApiResource.Secrets : ApiResource.ConfigMaps;
            var live = await client.FindAsync<JsonObject>(resource, @namespace, config.Name, cancellationToken).ConfigureAwait(false);
            if (live is null || !ConfigData.IsImmutable(live) || ConfigDataDiff.Between(live, config.Json).Count == 0)
            {
                continue;
            }

            var versionOf = config.Json["metadata"]?["annotations"]?[ConfigVersioning.VersionOfAnnotation]?.GetValue<string>();
            var advice = versionOf is null
                ? "Give the new data a new name, or apply with -VersionConfig, which names each version of the data by its content."
                : $"It is named as the version of {versionOf} with this content but holds other data, so it was changed or made by hand: delete it and apply again.";
            refusals.Add(new KubeRolloutException(
                "ConfigImmutable", FailureKind.InvalidOperation,
                $"{config.Kind} \"{config.Name}\" ({config.Location}) exists in namespace {@namespace} as immutable with other data, and the cluster refuses any change to it (field is immutable when `immutable` is set). {advice} Nothing was applied.",
                new ObjectReference(config.Kind, @namespace, config.Name)));
        }

        return refusals;
    }

    /// <summary>The results with, for each ConfigMap or Secret changed in place, the workloads of its namespace that reference it.</summary>
    private static async Task<IReadOnlyList<ApplyResult>> WithDependentsAsync(KubeApiClient client, IReadOnlyList<ApplyResult> results, CancellationToken cancellationToken)
    {
        var workloads = new Dictionary<string, IReadOnlyList<(WorkloadKind, JsonObject)>>(StringComparer.Ordinal);
        var withDependents = new List<ApplyResult>();
        foreach (var result in results)
        {
            if (!result.ChangesConfigInPlace)
            {
                withDependents.Add(result);
                continue;
            }

            if (!workloads.TryGetValue(result.Namespace, out var inNamespace))
            {
                inNamespace = await ConfigDependents.ListWorkloadsAsync(client, result.Namespace, cancellationToken).ConfigureAwait(false);
                workloads[result.Namespace] = inNamespace;
            }

            withDependents.Add(result with { Dependents = ConfigDependents.Of(result.Kind, result.Name, inNamespace) });
        }

        return withDependents;
    }
}
