using System.Diagnostics;
using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Diagnostics;
using KubeRollout.Core.Rollouts.Pods;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Partitions;

/// <summary>
/// Sets a StatefulSet's rolling-update partition, at once or step by step, and waits until the pods from the
/// partition up run the update revision and are Ready.
/// </summary>
public static class StatefulSetPartitioner
{
    /// <summary>How long one step may take when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<PartitionPlan> PlanAsync(KubeApiClient client, WorkloadReference workload, int target, int? step, CancellationToken cancellationToken)
    {
        if (workload.Kind != WorkloadKind.StatefulSet)
        {
            throw NotAStatefulSet(workload, workload.Kind, found: false);
        }

        if (target < 0)
        {
            PartitionPlanner.Steps(0, target, 0, step);
        }

        var statefulSet = await client.FindAsync<V1StatefulSet>(ApiResource.StatefulSets, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false)
            ?? throw await NotFoundAsync(client, workload, cancellationToken).ConfigureAwait(false);
        var strategy = statefulSet.Spec.UpdateStrategy?.Type ?? "RollingUpdate";
        if (strategy != "RollingUpdate")
        {
            throw new KubeRolloutException(
                "PartitionNotApplicable", FailureKind.InvalidOperation,
                $"{workload.ResourceName} uses the {strategy} update strategy, which has no partition: its pods update only when deleted (Update-KubeRolloutPod replaces them).", workload);
        }

        var replicas = statefulSet.Spec.Replicas ?? 1;
        var current = statefulSet.Spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
        var steps = PartitionPlanner.Steps(current, target, replicas, step);
        var warning = PartitionPlanner.Warning(workload.ResourceName, target, replicas);
        return new PartitionPlan(workload, replicas, current, steps, warning is null ? [] : [warning], Staged: step is not null);
    }

    /// <summary>
    /// Sets the partition of one step and, with <paramref name="wait"/> or in a staged plan, waits for the pods at and
    /// above it (for <paramref name="timeout"/>; none, zero or less: <see cref="DefaultTimeout"/>).
    /// </summary>
    public static async Task<PartitionStepResult> ApplyAsync(
        KubeApiClient client, PartitionPlan plan, PartitionStepPlan step, bool wait, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        wait |= plan.Staged;
        var limit = timeout is { } given && given > TimeSpan.Zero ? given : DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var workload = plan.StatefulSet;
        var patch = "{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":" + step.To.ToString(CultureInfo.InvariantCulture) + "}}}}";
        var written = await client.PatchAsync<V1StatefulSet>(ApiResource.StatefulSets, workload.Namespace, workload.Name, patch, PatchKind.StrategicMerge, false, cancellationToken).ConfigureAwait(false);
        if (!wait)
        {
            return Result(plan, step, written.Status?.UpdateRevision, false, true, clock.Elapsed, $"{workload.ResourceName} partition set to {step.To}");
        }

        var generation = written.Metadata.Generation ?? 0;
        var (observed, seen) = await ObjectWatcher.WaitUntilAsync<V1StatefulSet>(
            client, ApiResource.StatefulSets, workload.Namespace, workload.Name,
            s => s is null || (s.Status?.ObservedGeneration ?? 0) >= generation, limit, cancellationToken).ConfigureAwait(false);
        if (observed is null)
        {
            throw WorkloadNotFound(workload);
        }

        var updateRevision = observed.Status?.UpdateRevision;
        if (!seen || updateRevision is null)
        {
            return Result(plan, step, updateRevision, true, false, clock.Elapsed, $"{workload.ResourceName} partition set to {step.To}, but its controller did not observe the change within {limit.TotalSeconds:0.#}s");
        }

        var replicas = observed.Spec.Replicas ?? 1;
        var wanted = Enumerable.Range(step.To, Math.Max(0, replicas - step.To)).Select(o => $"{workload.Name}-{o}").ToHashSet(StringComparer.Ordinal);
        bool Done(IReadOnlyList<V1Pod> pods) =>
            wanted.All(name => pods.Any(p => p.Metadata.Name == name && WorkloadPods.IsControlledBy(p, observed.Metadata.Uid) && WorkloadPods.RevisionOf(p) == updateRevision && WorkloadPods.IsReady(p)));
        var (last, done) = await PodSetWatcher.WaitUntilAsync(
            client, workload.Namespace, LabelSelectorMatcher.ToQueryString(observed.Spec.Selector), Done, limit, cancellationToken).ConfigureAwait(false);
        if (done)
        {
            return Result(plan, step, updateRevision, true, true, clock.Elapsed,
                $"{workload.ResourceName} partition {step.To}: {wanted.Count} pod{(wanted.Count == 1 ? string.Empty : "s")} at revision {updateRevision} and Ready");
        }

        var lagging = wanted.Order(StringComparer.Ordinal).Select(name => last.FirstOrDefault(p => p.Metadata.Name == name) is { } pod
                ? WorkloadPods.RevisionOf(pod) != updateRevision ? $"{name} (revision {WorkloadPods.RevisionOf(pod)})" : WorkloadPods.IsReady(pod) ? null : $"{name} ({NotReady(pod)})"
                : $"{name} (missing)")
            .OfType<string>();
        return Result(plan, step, updateRevision, true, false, clock.Elapsed,
            $"{workload.ResourceName} stopped at partition {step.To}: within {limit.TotalSeconds:0.#}s these pods did not become Ready at revision {updateRevision}: {string.Join(", ", lagging)}");
    }

    /// <summary>The error for a step that did not get there (PartitionStepFailed): the run stops at it. Null for one that did.</summary>
    public static KubeRolloutException? FailureOf(PartitionStepResult result) =>
        result.Succeeded ? null : new KubeRolloutException("PartitionStepFailed", FailureKind.OperationTimeout, result.Message, new WorkloadReference(WorkloadKind.StatefulSet, result.Namespace, result.Name));

    /// <summary>Why a pod is not Ready, as the wait errors say it (CrashLoopBackOff, restarts, last exit code).</summary>
    private static string NotReady(V1Pod pod) =>
        PodDiagnostics.Describe([pod]) is [var problem] ? $"not Ready: {problem.State}" : "not Ready";

    private static PartitionStepResult Result(PartitionPlan plan, PartitionStepPlan step, string? updateRevision, bool waited, bool succeeded, TimeSpan duration, string message) => new()
    {
        Namespace = plan.StatefulSet.Namespace,
        Name = plan.StatefulSet.Name,
        FromPartition = step.From,
        Partition = step.To,
        Ordinals = step.Ordinals,
        UpdateRevision = updateRevision,
        Waited = waited,
        Succeeded = succeeded,
        Duration = duration,
        Message = message,
    };

    /// <summary>Not found as a StatefulSet: a Deployment or DaemonSet of that name is named as what it is.</summary>
    private static async Task<KubeRolloutException> NotFoundAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        if (await client.FindAsync<V1Deployment>(ApiResource.Deployments, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return NotAStatefulSet(workload, WorkloadKind.Deployment, found: true);
        }

        if (await client.FindAsync<V1DaemonSet>(ApiResource.DaemonSets, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return NotAStatefulSet(workload, WorkloadKind.DaemonSet, found: true);
        }

        return WorkloadNotFound(workload);
    }

    private static KubeRolloutException WorkloadNotFound(WorkloadReference workload) =>
        new("WorkloadNotFound", FailureKind.ObjectNotFound, $"statefulsets.apps \"{workload.Name}\" not found", workload);

    /// <param name="found">Whether a workload of that kind was found under the name (else the name gave the kind).</param>
    private static KubeRolloutException NotAStatefulSet(WorkloadReference workload, WorkloadKind kind, bool found) =>
        new("NotAStatefulSet", FailureKind.InvalidArgument,
            $"{(found ? $"{workload.Name} is a {kind}, not a StatefulSet" : $"{workload.ResourceName} names a {kind}, not a StatefulSet")}: only StatefulSets have a partition (for a {kind}, Set-KubeRolloutStrategy tunes the rollout).", workload);
}
