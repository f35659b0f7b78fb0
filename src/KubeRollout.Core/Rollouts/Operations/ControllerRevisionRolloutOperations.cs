using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.ControllerRevisions;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>
/// Rollout operations on the workloads whose revisions are ControllerRevisions (StatefulSets and DaemonSets), as
/// kubectl rollout does them: history from the owned ControllerRevisions, undo by sending a revision's data back
/// as a strategic merge patch, restart by the restartedAt template annotation.
/// </summary>
internal abstract class ControllerRevisionRolloutOperations<T> : IRolloutOperations
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan RenumberWait = TimeSpan.FromSeconds(15);

    public abstract WorkloadKind Kind { get; }

    public abstract ApiResource Resource { get; }

    public abstract RolloutStatus Evaluate(object workload);

    protected abstract V1LabelSelector? SelectorOf(T workload);

    protected abstract V1PodTemplateSpec? TemplateOf(T workload);

    /// <summary>The name of the revision the workload's template is, when its status says (StatefulSet).</summary>
    protected abstract string? UpdateRevisionOf(T workload);

    protected abstract RolloutStatus Evaluate(T workload, long? revision);

    public Task<T> GetAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        WorkloadReads.GetAsync<T>(client, Resource, workload, cancellationToken);

    public async Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(KubeApiClient client, WorkloadReference workload, Action<string>? warn, CancellationToken cancellationToken)
    {
        var live = await GetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        return (await HistoryOfAsync(client, live, cancellationToken).ConfigureAwait(false)).History;
    }

    public async Task<RolloutStatus> GetStatusAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        var live = await GetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        var (history, _) = await HistoryOfAsync(client, live, cancellationToken).ConfigureAwait(false);
        return Evaluate(live, history.FirstOrDefault(r => r.IsCurrent)?.Revision);
    }

    public async Task<RolloutStatus> EvaluateWithRevisionAsync(KubeApiClient client, object workload, CancellationToken cancellationToken)
    {
        var live = (T)workload;
        var (history, _) = await HistoryOfAsync(client, live, cancellationToken).ConfigureAwait(false);
        return Evaluate(live, history.FirstOrDefault(r => r.IsCurrent)?.Revision);
    }

    public async Task<UndoResult> PlanUndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, CancellationToken cancellationToken)
    {
        var live = await GetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        var plan = await PlanAsync(client, workload, live, toRevision, cancellationToken).ConfigureAwait(false);
        var warnings = plan.Skip ? [] : await UndoWarningsAsync(client, live, plan.Target.Source, cancellationToken).ConfigureAwait(false);
        return Result(workload, plan, dryRun: true, newRevision: null, plan.Skip ? plan.Message : "rolled back (dry run)", warnings);
    }

    public async Task<UndoResult> UndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool serverDryRun, CancellationToken cancellationToken)
    {
        var live = await GetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        var plan = await PlanAsync(client, workload, live, toRevision, cancellationToken).ConfigureAwait(false);
        if (plan.Skip)
        {
            return Result(workload, plan, serverDryRun, newRevision: null, plan.Message);
        }

        var written = await client.PatchAsync<T>(Resource, workload.Namespace, workload.Name, plan.Patch, PatchKind.StrategicMerge, serverDryRun, cancellationToken).ConfigureAwait(false);
        if (serverDryRun)
        {
            return Result(workload, plan, dryRun: true, newRevision: null, "rolled back (server dry run)");
        }

        var newRevision = await WaitForRenumberingAsync(client, workload, plan.Target.Source, plan.Target.Revision, written.Metadata.Generation ?? 0, cancellationToken).ConfigureAwait(false);
        return Result(workload, plan, dryRun: false, newRevision, plan.Message, await UndoWarningsAsync(client, live, plan.Target.Source, cancellationToken).ConfigureAwait(false));
    }

    public Task<RolloutActionResult> RestartAsync(KubeApiClient client, WorkloadReference workload, DateTime now, bool dryRun, string? changeCause, CancellationToken cancellationToken) =>
        RolloutPatches.RestartAsync(client, Resource, workload, now, dryRun, changeCause, cancellationToken);

    internal async Task<(IReadOnlyList<RolloutRevision> History, IReadOnlyDictionary<string, string> Data)> HistoryOfAsync(
        KubeApiClient client, T live, CancellationToken cancellationToken)
    {
        var selector = SelectorOf(live) is { } s ? LabelSelectorMatcher.ToQueryString(s) : null;
        var revisions = await client.ListAsync<V1ControllerRevision>(ApiResource.ControllerRevisions, live.Metadata.NamespaceProperty, cancellationToken, labelSelector: selector).ConfigureAwait(false);
        var history = ControllerRevisionHistory.From(Kind, live, SelectorOf(live), TemplateOf(live), revisions.Items, UpdateRevisionOf(live));
        var data = ControllerRevisionHistory.Owned(live, SelectorOf(live), revisions.Items)
            .GroupBy(r => r.Metadata.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RevisionData.Parse(g.First()).ToJsonString(), StringComparer.Ordinal);
        return (history, data);
    }

    private async Task<ControllerRevisionRollbackPlan> PlanAsync(KubeApiClient client, WorkloadReference workload, T live, long toRevision, CancellationToken cancellationToken)
    {
        var (history, data) = await HistoryOfAsync(client, live, cancellationToken).ConfigureAwait(false);
        return ControllerRevisionRollbackPlanner.Plan(workload.ResourceName, TemplateOf(live), history, data, toRevision);
    }

    /// <summary>The number the controller gives the restored revision (max + 1), once it has observed the undo.</summary>
    private async Task<long?> WaitForRenumberingAsync(KubeApiClient client, WorkloadReference workload, string revisionName, long oldNumber, long generation, CancellationToken cancellationToken)
    {
        var (_, observed) = await ObjectWatcher.WaitUntilAsync<T>(
            client, Resource, workload.Namespace, workload.Name,
            w => w is null || ObservedGenerationOf(w) >= generation, RenumberWait, cancellationToken).ConfigureAwait(false);
        if (!observed)
        {
            return null;
        }

        var revision = await client.FindAsync<V1ControllerRevision>(ApiResource.ControllerRevisions, workload.Namespace, revisionName, cancellationToken).ConfigureAwait(false);
        return revision is null || revision.Revision == oldNumber ? null : revision.Revision;
    }

    protected abstract long ObservedGenerationOf(T workload);

    /// <summary>What the user must know about an undo to the revision named <paramref name="targetRevision"/>.</summary>
    protected virtual Task<IReadOnlyList<string>> UndoWarningsAsync(KubeApiClient client, T live, string targetRevision, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    private UndoResult Result(WorkloadReference workload, ControllerRevisionRollbackPlan plan, bool dryRun, long? newRevision, string message, IReadOnlyList<string>? warnings = null) => new()
    {
        Warnings = warnings ?? [],
        Kind = Kind,
        Namespace = workload.Namespace,
        Name = workload.Name,
        FromRevision = plan.Current?.Revision,
        ToRevision = plan.Target.Revision,
        NewRevision = newRevision,
        Skipped = plan.Skip,
        DryRun = dryRun,
        Message = message,
        Changes = plan.Changes,
    };
}
