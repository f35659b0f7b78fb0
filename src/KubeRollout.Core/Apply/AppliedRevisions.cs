using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The revisions the controllers give the workloads an apply wrote. They exist only once a controller has observed
/// the write, so they are read after all writes, for all workloads of a namespace and kind at once (one list, and one
/// watch while a controller has not yet observed its write), not one workload after the other. A Deployment names its
/// revision in an annotation; a StatefulSet or DaemonSet has it in the ControllerRevision of its template, as kubectl
/// rollout history shows it.
/// </summary>
internal static class AppliedRevisions
{
    private static readonly TimeSpan ObservationWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether the revision of this result is read only once its controller has observed the write: a Deployment whose
    /// template changed (a template change always yields another number), a StatefulSet or DaemonSet that changed.
    /// </summary>
    public static bool AwaitsController(ApplyResult result) =>
        !result.DryRun && result.Kind switch
        {
            "Deployment" => result.RolloutTriggered,
            "StatefulSet" or "DaemonSet" => result.Action != ApplyAction.Unchanged,
            _ => false,
        };

    /// <summary>
    /// The results of the apply with the revisions of the workloads that awaited their controllers (null for one
    /// that was not observed within the wait, or was deleted meanwhile).
    /// </summary>
    public static async Task<IReadOnlyList<ApplyResult>> ObserveAsync(KubeApiClient client, IReadOnlyList<AppliedObject> applied, CancellationToken cancellationToken)
    {
        // An object written twice by one apply: its last write is the one observed.
        var awaited = applied
            .Where(a => AwaitsController(a.Result))
            .GroupBy(a => (a.Result.Kind, a.Result.Namespace, a.Result.Name))
            .Select(g => g.Last())
            .ToList();
        if (awaited.Count == 0)
        {
            return applied.Select(a => a.Result).ToList();
        }

        var groups = awaited.GroupBy(a => (Kind: Enum.Parse<WorkloadKind>(a.Result.Kind), a.Result.Namespace));
        var observed = await Task.WhenAll(groups.Select(g => ObserveGroupAsync(client, g.Key.Kind, g.Key.Namespace, g.ToList(), cancellationToken))).ConfigureAwait(false);
        var revisions = observed.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value);
        return applied
            .Select(a => revisions.TryGetValue((a.Result.Kind, a.Result.Namespace, a.Result.Name), out var revision) ? a.Result with { Revision = revision } : a.Result)
            .ToList();
    }

    private static async Task<IEnumerable<KeyValuePair<(string, string, string), long?>>> ObserveGroupAsync(
        KubeApiClient client, WorkloadKind kind, string @namespace, IReadOnlyList<AppliedObject> workloads, CancellationToken cancellationToken)
    {
        // The generation each write made, and for a Deployment the revision it had before, which the controller moves.
        var written = workloads.ToDictionary(w => w.Result.Name, w => (Generation: GenerationOf(w.After), Previous: RevisionOf(w.Before)), StringComparer.Ordinal);
        var fieldSelector = written.Count == 1 ? $"metadata.name={written.Keys.First()}" : null;
        KeyValuePair<(string, string, string), long?> Revision(string name, long? revision) => new((kind.ToString(), @namespace, name), revision);

        if (kind == WorkloadKind.Deployment)
        {
            bool GenerationSeen(V1Deployment d) => (d.Status?.ObservedGeneration ?? 0) >= written[d.Metadata.Name].Generation;
            bool Revised(V1Deployment d) => GenerationSeen(d) && RevisionOf(d.Metadata.Annotations) is { } now && now != written[d.Metadata.Name].Previous;

            // A paused Deployment gives the new template no revision until it is resumed: once its controller has seen
            // the write there is nothing more to wait for, and no revision to report.
            bool Settles(V1Deployment d) => Revised(d) || (d.Spec?.Paused == true && GenerationSeen(d));
            var (deployments, _) = await ObjectSetWatcher.WaitUntilAsync<V1Deployment>(
                client, ApiResource.Deployments, @namespace, null, all => Settled(all, written.Keys, Settles), ObservationWait, cancellationToken, fieldSelector).ConfigureAwait(false);
            var byName = deployments.ToDictionary(d => d.Metadata.Name, StringComparer.Ordinal);
            return written.Keys.Select(name => Revision(name, byName.TryGetValue(name, out var d) && Revised(d) ? RevisionOf(d.Metadata.Annotations) : null));
        }

        bool GenerationObserved(long? observedGeneration, string name) => (observedGeneration ?? 0) >= written[name].Generation;
        var observedNames = kind == WorkloadKind.StatefulSet
            ? await ObservedNamesAsync<V1StatefulSet>(client, ApiResource.StatefulSets, @namespace, written.Keys, s => GenerationObserved(s.Status?.ObservedGeneration, s.Metadata.Name), fieldSelector, cancellationToken).ConfigureAwait(false)
            : await ObservedNamesAsync<V1DaemonSet>(client, ApiResource.DaemonSets, @namespace, written.Keys, d => GenerationObserved(d.Status?.ObservedGeneration, d.Metadata.Name), fieldSelector, cancellationToken).ConfigureAwait(false);
        var revisions = new List<KeyValuePair<(string, string, string), long?>>();
        foreach (var name in written.Keys)
        {
            revisions.Add(Revision(name, observedNames.Contains(name) ? await ControllerRevisionAsync(client, new WorkloadReference(kind, @namespace, name), cancellationToken).ConfigureAwait(false) : null));
        }

        return revisions;
    }

    /// <summary>The workloads whose controllers observed their writes in time (their ControllerRevisions are then made).</summary>
    private static async Task<IReadOnlySet<string>> ObservedNamesAsync<T>(
        KubeApiClient client, ApiResource resource, string @namespace, IEnumerable<string> names, Func<T, bool> observed, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var (objects, _) = await ObjectSetWatcher.WaitUntilAsync<T>(
            client, resource, @namespace, null, all => Settled(all, names, observed), ObservationWait, cancellationToken, fieldSelector).ConfigureAwait(false);
        var named = names.ToHashSet(StringComparer.Ordinal);
        return objects.Where(o => named.Contains(o.Metadata.Name) && observed(o)).Select(o => o.Metadata.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every named workload is observed or gone (deleted right after the apply: nothing more will come).</summary>
    private static bool Settled<T>(IReadOnlyList<T> objects, IEnumerable<string> names, Func<T, bool> observed)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var byName = objects.ToDictionary(o => o.Metadata.Name, StringComparer.Ordinal);
        return names.All(name => !byName.TryGetValue(name, out var obj) || observed(obj));
    }

    /// <summary>A StatefulSet's or DaemonSet's revision (null once it is deleted).</summary>
    public static async Task<long?> ControllerRevisionAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        try
        {
            return (await RolloutOperations.GetStatusAsync(client, workload, cancellationToken).ConfigureAwait(false)).Revision;
        }
        catch (KubeRolloutException e) when (e.ErrorId == "WorkloadNotFound")
        {
            return null; // deleted right after the apply
        }
    }

    private static long GenerationOf(JsonObject obj) => obj["metadata"]?["generation"]?.GetValue<long>() ?? 0;

    public static long? RevisionOf(JsonObject? obj) =>
        obj?["metadata"]?["annotations"]?[WellKnownAnnotations.Revision]?.GetValue<string>() is { } text ? Parse(text) : null;

    private static long? RevisionOf(IDictionary<string, string>? annotations) =>
        annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true ? Parse(text) : null;

    private static long? Parse(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;
}
