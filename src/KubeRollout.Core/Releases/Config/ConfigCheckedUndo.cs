using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// kubectl rollout undo, refusing to go back to a revision whose ConfigMaps or Secrets (or keys of them) no longer
/// exist: its pods could not start (ContainerCreating, CreateContainerConfigError) and the rollback would stall
/// where it should rescue. <c>force</c> rolls back anyway.
/// </summary>
public static class ConfigCheckedUndo
{
    /// <summary>What the undo would do (reading only), after checking that the target revision's config exists.</summary>
    public static async Task<UndoResult> PlanAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool force, CancellationToken cancellationToken)
    {
        var preview = await RolloutOperations.PlanUndoAsync(client, workload, toRevision, cancellationToken).ConfigureAwait(false);
        if (!preview.Skipped && !force)
        {
            await RequireConfigAsync(client, workload, preview.ToRevision, cancellationToken).ConfigureAwait(false);
        }

        return preview;
    }

    public static async Task<UndoResult> UndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool serverDryRun, bool force, CancellationToken cancellationToken)
    {
        await PlanAsync(client, workload, toRevision, force, cancellationToken).ConfigureAwait(false);
        return await RolloutOperations.UndoAsync(client, workload, toRevision, serverDryRun, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RequireConfigAsync(KubeApiClient client, WorkloadReference workload, long revision, CancellationToken cancellationToken)
    {
        var history = await RolloutOperations.GetHistoryAsync(client, workload, null, cancellationToken).ConfigureAwait(false);
        if (history.FirstOrDefault(r => r.Revision == revision) is not { } target)
        {
            return; // renumbered since the preview: the undo itself reports it
        }

        var missing = await ConfigAvailability.MissingAsync(client, workload.Namespace, ConfigReferences.In(target.PodTemplate), (_, _) => null, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            throw new KubeRolloutException(
                "UndoConfigMissing", FailureKind.ObjectNotFound,
                $"Revision {revision} of {workload.ResourceName} cannot be rolled back to: {string.Join("; ", missing)}, so its pods could not start. " +
                "Re-create what is missing (apply the files of that revision again, with -VersionConfig if they were versioned), or use -Force to roll back anyway.",
                workload);
        }
    }
}
