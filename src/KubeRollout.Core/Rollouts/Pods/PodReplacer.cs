using System.Diagnostics;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.Operations;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>
/// Replaces the out-of-date pods of an OnDelete StatefulSet or DaemonSet the way an operator would: delete one pod,
/// let the controller recreate it at the update revision, wait until the new pod is available (Ready for the
/// workload's minReadySeconds, as its controller counts it), then the next.
/// </summary>
public static class PodReplacer
{
    private static readonly TimeSpan ObserveWait = TimeSpan.FromSeconds(15);

    /// <summary>How long one pod may take when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<PodReplacementPlan> PlanAsync(
        KubeApiClient client, WorkloadReference workload, IReadOnlyCollection<int>? ordinals, IReadOnlyCollection<string>? nodes, CancellationToken cancellationToken)
    {
        if (workload.Kind == WorkloadKind.Deployment)
        {
            throw new KubeRolloutException(
                "PodReplacementNotSupported", FailureKind.InvalidOperation,
                $"{workload.ResourceName}: Deployments have no OnDelete strategy; their pods are replaced through ReplicaSets (Restart-KubeRollout replaces them all).", workload);
        }

        if (ordinals is { Count: > 0 } && workload.Kind != WorkloadKind.StatefulSet)
        {
            throw new KubeRolloutException("OrdinalNotApplicable", FailureKind.InvalidArgument, $"{workload.ResourceName}: only StatefulSet pods have ordinals; name DaemonSet pods by -Node.", workload);
        }

        var (uid, selector, strategy, updateRevision) = workload.Kind == WorkloadKind.StatefulSet
            ? await ReadStatefulSetAsync(client, workload, cancellationToken).ConfigureAwait(false)
            : await ReadDaemonSetAsync(client, workload, cancellationToken).ConfigureAwait(false);
        if (strategy != "OnDelete")
        {
            throw new KubeRolloutException(
                "NotOnDeleteStrategy", FailureKind.InvalidOperation,
                $"{workload.ResourceName} uses the {strategy} update strategy: its controller replaces out-of-date pods by itself (Wait-KubeRollout follows it).", workload);
        }

        var query = LabelSelectorMatcher.ToQueryString(selector);
        var pods = await client.ListAsync<V1Pod>(ApiResource.Pods, workload.Namespace, cancellationToken, labelSelector: query).ConfigureAwait(false);
        var owned = pods.Items.Where(p => WorkloadPods.IsControlledBy(p, uid));
        var selection = PodReplacementPlanner.Plan(workload.Kind, workload.Name, owned, updateRevision, ordinals, nodes);
        return new PodReplacementPlan(workload, uid, query, updateRevision, selection)
        {
            Warnings = PodReplacementPlanner.AlreadyUpToDate(selection, updateRevision, named: ordinals is { Count: > 0 } || nodes is { Count: > 0 }),
        };
    }

    /// <summary>
    /// Replaces one pod: waits until every other pod is available (Ready, and counted available by the workload's
    /// controller, which applies minReadySeconds), deletes it, and waits until its replacement is Ready at the update
    /// revision and counted available: only then is the pod replaced, and the next one may go.
    /// </summary>
    /// <param name="timeout">How long the pod may take (none, zero or less: <see cref="DefaultTimeout"/>).</param>
    public static async Task<PodReplacement> ReplaceAsync(
        KubeApiClient client, PodReplacementPlan plan, PodReplacementTarget target, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout is { } given && given > TimeSpan.Zero ? given : DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var workload = plan.Workload;
        TimeSpan Remaining() => limit - clock.Elapsed > TimeSpan.Zero ? limit - clock.Elapsed : TimeSpan.Zero;
        IReadOnlyList<V1Pod> Owned(IReadOnlyList<V1Pod> pods) => pods.Where(p => WorkloadPods.IsControlledBy(p, plan.WorkloadUid)).ToList();

        var (before, othersReady) = await PodSetWatcher.WaitUntilAsync(
            client, workload.Namespace, plan.PodSelector, pods => PodReplacementPlanner.Blocking(Owned(pods), target.PodName).Count == 0, Remaining(), cancellationToken).ConfigureAwait(false);
        if (!othersReady)
        {
            var blocking = PodReplacementPlanner.Blocking(Owned(before), target.PodName);
            return Result(plan, target, null, clock.Elapsed, false, $"{target.PodName} was not replaced: other pods are not Ready ({string.Join(", ", blocking)}), and replacing it would take a second pod out of service.");
        }

        var targetReady = before.Any(p => p.Metadata.Uid == target.Uid && WorkloadPods.IsReady(p));
        var (available, othersAvailable) = await WaitForAvailabilityAsync(client, plan, a => a.OthersAvailable(targetReady), Remaining(), cancellationToken).ConfigureAwait(false);
        if (!othersAvailable || available is null)
        {
            return Result(plan, target, null, clock.Elapsed, false, $"{target.PodName} was not replaced: {workload.ResourceName} counts {Counted(available)}, and replacing it would take a second pod out of service.");
        }

        try
        {
            await client.DeleteAsync(ApiResource.Pods, workload.Namespace, target.PodName, target.Uid, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound || e.IsConflict)
        {
            // already deleted (or already replaced) by someone else: wait for its replacement all the same
        }

        bool IsReplacement(V1Pod pod) =>
            WorkloadPods.IsControlledBy(pod, plan.WorkloadUid)
            && pod.Metadata.Uid != target.Uid
            && (target.Ordinal is not null ? pod.Metadata.Name == target.PodName : WorkloadPods.NodeOf(pod) == target.Node);
        var (after, ready) = await PodSetWatcher.WaitUntilAsync(
            client, workload.Namespace, plan.PodSelector,
            pods => pods.Any(p => IsReplacement(p) && WorkloadPods.RevisionOf(p) == plan.UpdateRevision && WorkloadPods.IsReady(p)), Remaining(), cancellationToken).ConfigureAwait(false);
        var replacement = after.Where(IsReplacement).OrderByDescending(p => WorkloadPods.IsReady(p)).FirstOrDefault();
        if (!ready)
        {
            var problem = replacement is null ? "no replacement pod was created" : PodDiagnostics.Describe([replacement]).FirstOrDefault()?.ToString() ?? $"{replacement.Metadata.Name} is not Ready";
            return Result(plan, target, replacement?.Metadata.Name, clock.Elapsed, false, $"{target.PodName} was deleted but its replacement did not become Ready within {limit.TotalSeconds:0.#}s: {problem}");
        }

        var (counted, inService) = await WaitForAvailabilityAsync(client, plan, a => a.ReplacementAvailable(available.Updated), Remaining(), cancellationToken).ConfigureAwait(false);
        return inService
            ? Result(plan, target, replacement!.Metadata.Name, clock.Elapsed, true, $"{target.PodName} replaced by {replacement.Metadata.Name} at revision {plan.UpdateRevision} in {clock.Elapsed.TotalSeconds:0.0}s")
            : Result(plan, target, replacement!.Metadata.Name, clock.Elapsed, false, $"{target.PodName} was replaced by {replacement.Metadata.Name}, which is Ready but was not available within {limit.TotalSeconds:0.#}s: {workload.ResourceName} counts {Counted(counted)}.");
    }

    /// <summary>The error for a pod that was not replaced (PodReplacementFailed); null for one that was.</summary>
    public static KubeRolloutException? FailureOf(PodReplacement result) =>
        result.Succeeded ? null : new KubeRolloutException("PodReplacementFailed", FailureKind.OperationTimeout, result.Message, new WorkloadReference(result.Kind, result.Namespace, result.Name));

    private static string Counted(WorkloadAvailability? availability) => availability?.ToString() ?? "no status (it was not read in time)";

    /// <summary>The workload's availability once <paramref name="condition"/> holds, or the last one seen (null: none) when the time is up.</summary>
    private static async Task<(WorkloadAvailability? Availability, bool Satisfied)> WaitForAvailabilityAsync(
        KubeApiClient client, PodReplacementPlan plan, Func<WorkloadAvailability, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var workload = plan.Workload;
        if (workload.Kind == WorkloadKind.StatefulSet)
        {
            var (statefulSet, done) = await ObjectWatcher.WaitUntilAsync<V1StatefulSet>(
                client, ApiResource.StatefulSets, workload.Namespace, workload.Name, s => s is not null && condition(WorkloadAvailability.Of(s)), timeout, cancellationToken).ConfigureAwait(false);
            return (statefulSet is null ? null : WorkloadAvailability.Of(statefulSet), done);
        }

        var (daemonSet, satisfied) = await ObjectWatcher.WaitUntilAsync<V1DaemonSet>(
            client, ApiResource.DaemonSets, workload.Namespace, workload.Name, d => d is not null && condition(WorkloadAvailability.Of(d)), timeout, cancellationToken).ConfigureAwait(false);
        return (daemonSet is null ? null : WorkloadAvailability.Of(daemonSet), satisfied);
    }

    private static PodReplacement Result(PodReplacementPlan plan, PodReplacementTarget target, string? newPod, TimeSpan duration, bool succeeded, string message) => new()
    {
        Kind = plan.Workload.Kind,
        Namespace = plan.Workload.Namespace,
        Name = plan.Workload.Name,
        OldPod = target.PodName,
        NewPod = newPod,
        Ordinal = target.Ordinal,
        Node = target.Node,
        OldRevision = target.Revision,
        Revision = plan.UpdateRevision,
        Duration = duration,
        Succeeded = succeeded,
        Message = message,
    };

    private static async Task<(string Uid, V1LabelSelector Selector, string Strategy, string UpdateRevision)> ReadStatefulSetAsync(
        KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        var statefulSet = await ObservedAsync<V1StatefulSet>(client, ApiResource.StatefulSets, workload, s => s.Status?.ObservedGeneration ?? 0, cancellationToken).ConfigureAwait(false);
        var updateRevision = statefulSet.Status?.UpdateRevision
            ?? throw new KubeRolloutException("UpdateRevisionUnknown", FailureKind.InvalidResult, $"{workload.ResourceName} has no update revision in its status yet.", workload);
        return (statefulSet.Metadata.Uid, statefulSet.Spec.Selector, statefulSet.Spec.UpdateStrategy?.Type ?? "RollingUpdate", updateRevision);
    }

    private static async Task<(string Uid, V1LabelSelector Selector, string Strategy, string UpdateRevision)> ReadDaemonSetAsync(
        KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        var daemonSet = await ObservedAsync<V1DaemonSet>(client, ApiResource.DaemonSets, workload, d => d.Status?.ObservedGeneration ?? 0, cancellationToken).ConfigureAwait(false);
        var strategy = daemonSet.Spec.UpdateStrategy?.Type ?? "RollingUpdate";
        var (history, _) = await RolloutOperations.DaemonSets.HistoryOfAsync(client, daemonSet, cancellationToken).ConfigureAwait(false);
        var current = history.FirstOrDefault(r => r.IsCurrent);
        var revision = current is null ? null : await client.FindAsync<V1ControllerRevision>(ApiResource.ControllerRevisions, workload.Namespace, current.Source, cancellationToken).ConfigureAwait(false);
        var hash = revision?.Metadata.Labels?.TryGetValue(WellKnownAnnotations.ControllerRevisionHashLabel, out var label) == true ? label
            : current?.Source.StartsWith(workload.Name + "-", StringComparison.Ordinal) == true ? current.Source[(workload.Name.Length + 1)..]
            : null;
        if (hash is null && strategy == "OnDelete")
        {
            throw new KubeRolloutException("UpdateRevisionUnknown", FailureKind.InvalidResult, $"{workload.ResourceName} has no ControllerRevision for its current template yet.", workload);
        }

        return (daemonSet.Metadata.Uid, daemonSet.Spec.Selector, strategy, hash ?? string.Empty);
    }

    /// <summary>The workload once its controller has observed its latest spec, so that the update revision is the latest.</summary>
    private static async Task<T> ObservedAsync<T>(KubeApiClient client, ApiResource resource, WorkloadReference workload, Func<T, long> observedGeneration, CancellationToken cancellationToken)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        var live = await WorkloadReads.GetAsync<T>(client, resource, workload, cancellationToken).ConfigureAwait(false);
        var generation = live.Metadata.Generation ?? 0;
        if (observedGeneration(live) >= generation)
        {
            return live;
        }

        var (observed, satisfied) = await ObjectWatcher.WaitUntilAsync<T>(
            client, resource, workload.Namespace, workload.Name, w => w is null || observedGeneration(w) >= generation, ObserveWait, cancellationToken).ConfigureAwait(false);
        return observed is null ? throw WorkloadReads.NotFound(resource, workload)
            : satisfied ? observed
            : throw new KubeRolloutException(
                "WorkloadNotObserved", FailureKind.OperationTimeout,
                $"{workload.ResourceName}: its controller has not observed generation {generation} within {ObserveWait.TotalSeconds:0}s.", workload);
    }
}
