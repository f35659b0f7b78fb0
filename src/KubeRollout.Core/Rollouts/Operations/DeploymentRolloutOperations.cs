using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Deployments;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Operations;

/// <summary>Rollout operations on Deployments, as kubectl rollout does them.</summary>
internal sealed class DeploymentRolloutOperations : IRolloutOperations
{
    private static readonly TimeSpan RenumberWait = TimeSpan.FromSeconds(15);

    public WorkloadKind Kind => WorkloadKind.Deployment;

    public ApiResource Resource => ApiResource.Deployments;

    public async Task<IReadOnlyList<RolloutRevision>> GetHistoryAsync(KubeApiClient client, WorkloadReference workload, Action<string>? warn, CancellationToken cancellationToken)
    {
        var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, cancellationToken).ConfigureAwait(false);
        return await HistoryOfAsync(client, deployment, warn, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RolloutStatus> GetStatusAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        Evaluate(await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, cancellationToken).ConfigureAwait(false));

    public RolloutStatus Evaluate(object workload)
    {
        var deployment = (V1Deployment)workload;
        return DeploymentStatusEvaluator.Evaluate(deployment, RevisionOf(deployment));
    }

    // A Deployment names its revision in an annotation: nothing more to read.
    public Task<RolloutStatus> EvaluateWithRevisionAsync(KubeApiClient client, object workload, CancellationToken cancellationToken) =>
        Task.FromResult(Evaluate(workload));

    public async Task<UndoResult> PlanUndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, CancellationToken cancellationToken)
    {
        var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, cancellationToken).ConfigureAwait(false);
        var history = await HistoryOfAsync(client, deployment, null, cancellationToken).ConfigureAwait(false);
        var plan = DeploymentRollbackPlanner.Plan(deployment, history, toRevision, checkPaused: false);
        return Result(workload, deployment, plan, dryRun: true, newRevision: null, message: plan.Skip ? plan.Message : "rolled back (dry run)");
    }

    public Task<UndoResult> UndoAsync(KubeApiClient client, WorkloadReference workload, long toRevision, bool serverDryRun, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(async token =>
        {
            var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, token).ConfigureAwait(false);
            var history = await HistoryOfAsync(client, deployment, null, token).ConfigureAwait(false);
            var plan = DeploymentRollbackPlanner.Plan(deployment, history, toRevision);
            if (plan.Skip)
            {
                return Result(workload, deployment, plan, dryRun: serverDryRun, newRevision: null, plan.Message);
            }

            var updated = DeploymentRollbackPlanner.ApplyTo(deployment, plan);
            var written = await client.ReplaceAsync(Resource, workload.Namespace, workload.Name, updated, serverDryRun, token).ConfigureAwait(false);
            if (serverDryRun)
            {
                return Result(workload, deployment, plan, dryRun: true, newRevision: null, "rolled back (server dry run)");
            }

            var newRevision = await WaitForRenumberingAsync(client, workload, plan.Target.Source, written.Metadata.Generation ?? 0, token).ConfigureAwait(false);
            return Result(workload, deployment, plan, dryRun: false, newRevision, plan.Message);
        }, cancellationToken);

    public async Task<RolloutActionResult> RestartAsync(KubeApiClient client, WorkloadReference workload, DateTime now, bool dryRun, string? changeCause, CancellationToken cancellationToken)
    {
        var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, cancellationToken).ConfigureAwait(false);
        if (deployment.Spec.Paused == true)
        {
            throw new KubeRolloutException("DeploymentPaused", FailureKind.InvalidOperation, "can't restart paused deployment (run rollout resume first)", workload)
            {
                RecommendedAction = PausedDeployments.ResumeFirst(workload.Namespace, workload.Name, "Restart-KubeRollout"),
            };
        }

        var restarted = await RolloutPatches.RestartAsync(client, Resource, workload, now, dryRun, changeCause, cancellationToken).ConfigureAwait(false);
        return RecreateDowntime.Warning(deployment) is { } downtime ? restarted.WithWarnings([downtime]) : restarted;
    }

    /// <summary>kubectl rollout pause / resume: refuses when already in that state.</summary>
    public async Task<RolloutActionResult> SetPausedAsync(KubeApiClient client, WorkloadReference workload, bool paused, bool dryRun, CancellationToken cancellationToken)
    {
        var deployment = await WorkloadReads.GetAsync<V1Deployment>(client, Resource, workload, cancellationToken).ConfigureAwait(false);
        if ((deployment.Spec.Paused == true) == paused)
        {
            throw new KubeRolloutException(
                paused ? "DeploymentAlreadyPaused" : "DeploymentNotPaused", FailureKind.InvalidOperation,
                $"{Resource.QualifiedName} \"{workload.Name}\" {(paused ? "is already paused" : "is not paused")}", workload);
        }

        var patch = paused ? """{"spec":{"paused":true}}""" : """{"spec":{"paused":null}}""";
        await client.PatchAsync<V1Deployment>(Resource, workload.Namespace, workload.Name, patch, PatchKind.StrategicMerge, dryRun, cancellationToken).ConfigureAwait(false);
        var action = paused ? RolloutAction.Paused : RolloutAction.Resumed;
        return new RolloutActionResult
        {
            Kind = Kind,
            Namespace = workload.Namespace,
            Name = workload.Name,
            Action = action,
            DryRun = dryRun,
            Message = $"deployment.apps/{workload.Name} {(paused ? "paused" : "resumed")}{(dryRun ? " (server dry run)" : string.Empty)}",
        };
    }

    internal static async Task<IReadOnlyList<RolloutRevision>> HistoryOfAsync(KubeApiClient client, V1Deployment deployment, Action<string>? warn, CancellationToken cancellationToken)
    {
        var selector = deployment.Spec.Selector is { } s ? LabelSelectorMatcher.ToQueryString(s) : null;
        var replicaSets = await client.ListAsync<V1ReplicaSet>(ApiResource.ReplicaSets, deployment.Metadata.NamespaceProperty, cancellationToken, labelSelector: selector).ConfigureAwait(false);
        return DeploymentHistory.From(deployment, replicaSets.Items, warn);
    }

    private static long? RevisionOf(V1Deployment deployment) =>
        deployment.Metadata.Annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    /// <summary>The number the controller gives the restored ReplicaSet (max + 1), once it has observed the undo.</summary>
    private static async Task<long?> WaitForRenumberingAsync(KubeApiClient client, WorkloadReference workload, string replicaSetName, long generation, CancellationToken cancellationToken)
    {
        var (deployment, observed) = await ObjectWatcher.WaitUntilAsync<V1Deployment>(
            client, ApiResource.Deployments, workload.Namespace, workload.Name,
            d => d is null || (d.Status?.ObservedGeneration ?? 0) >= generation, RenumberWait, cancellationToken).ConfigureAwait(false);
        if (!observed || deployment is null)
        {
            return null;
        }

        var replicaSet = await client.FindAsync<V1ReplicaSet>(ApiResource.ReplicaSets, workload.Namespace, replicaSetName, cancellationToken).ConfigureAwait(false);
        return replicaSet?.Metadata.Annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
                ? revision
                : null;
    }

    private UndoResult Result(WorkloadReference workload, V1Deployment deployment, DeploymentRollbackPlan plan, bool dryRun, long? newRevision, string message) => new()
    {
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
        Warnings = !plan.Skip && RecreateDowntime.Warning(deployment) is { } downtime ? [downtime] : [],
    };
}
