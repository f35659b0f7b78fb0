using System.Text.Json.Nodes;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Apply;

/// <summary>
/// Applies a set of objects all or nothing. The server checks every object first (a dry run), so that an object it
/// would refuse leaves the cluster untouched; objects in a namespace the apply creates cannot be checked before the
/// namespace exists. When a write still fails after others succeeded (refused, or conflicts exhausted), what this
/// apply wrote is undone (<see cref="ApplyUndo"/>) and the error says what was undone. Ctrl+C stops without undoing.
/// </summary>
public static class ApplyTransaction
{
    private static readonly TimeSpan UndoTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The server's check of every object (a dry run: what it would store, or its refusal as an error), in order.
    /// Objects in a namespace the apply creates cannot be checked yet: they are previewed without the server.
    /// </summary>
    /// <param name="newNamespaces">The namespaces the apply creates (<see cref="NewNamespaces"/>).</param>
    public static async Task<IReadOnlyList<AppliedObject>> CheckAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> manifests, IReadOnlySet<string> newNamespaces, ApplyOptions options, CancellationToken cancellationToken)
    {
        var dryRun = options with { ServerDryRun = true };
        var checkedObjects = new List<AppliedObject>();
        foreach (var manifest in manifests)
        {
            checkedObjects.Add(newNamespaces.Contains(manifest.Namespace ?? defaultNamespace)
                ? await ManifestApplier.PreviewAsync(client, defaultNamespace, manifest, dryRun, cancellationToken).ConfigureAwait(false)
                : await ManifestApplier.ApplyAsync(client, defaultNamespace, manifest, dryRun, cancellationToken).ConfigureAwait(false));
        }

        return checkedObjects;
    }

    /// <summary>
    /// Writes the objects (checked before by <see cref="CheckAsync"/>) in order; a failure undoes what was written.
    /// The results carry the revisions the workloads' controllers gave the writes.
    /// </summary>
    public static async Task<IReadOnlyList<ApplyResult>> WriteAsync(
        KubeApiClient client, string defaultNamespace, IReadOnlyList<ManifestObject> manifests, ApplyOptions options, CancellationToken cancellationToken)
    {
        var applied = new List<AppliedObject>();
        try
        {
            foreach (var manifest in manifests)
            {
                applied.Add(await ManifestApplier.ApplyAsync(client, defaultNamespace, manifest, options, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (KubeRolloutException e) when (e.Kind != FailureKind.OperationStopped && ApplyUndo.Plan(applied) is { Count: > 0 } undo)
        {
            var report = ApplyUndo.Report(await UndoAsync(client, undo).ConfigureAwait(false));
            throw new KubeRolloutException(e.ErrorId, e.Kind, $"{e.Message}{Environment.NewLine}{report}", e.Target, e);
        }

        await KubectlAppliedRevisions.RecordAsync(client, applied, cancellationToken).ConfigureAwait(false);
        return await AppliedRevisions.ObserveAsync(client, applied, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the undo steps; a step that fails is reported, not thrown, and the others still run.</summary>
    private static async Task<IReadOnlyList<(UndoStep Step, string? Failure)>> UndoAsync(KubeApiClient client, IReadOnlyList<UndoStep> steps)
    {
        using var timeout = new CancellationTokenSource(UndoTimeout);
        var outcomes = new List<(UndoStep, string?)>();
        foreach (var step in steps)
        {
            try
            {
                if (step.Deletes)
                {
                    await DeleteAsync(client, step, timeout.Token).ConfigureAwait(false);
                }
                else
                {
                    await client.PatchAsync<JsonObject>(
                        step.Resource, step.Reference.Namespace, step.Reference.Name, step.RevertPatch!.ToJsonString(), PatchKind.StrategicMerge, dryRun: false, timeout.Token).ConfigureAwait(false);
                }

                outcomes.Add((step, null));
            }
            catch (Exception e) when (e is KubeRolloutException or OperationCanceledException or InvalidPatchException)
            {
                outcomes.Add((step, e.Message));
            }
        }

        return outcomes;
    }

    private static async Task DeleteAsync(KubeApiClient client, UndoStep step, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync(step.Resource, step.Reference.Namespace, step.Reference.Name, step.DeleteUid, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            // already gone
        }
    }
}
