using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Deployments;
using KubeRollout.Core.Rollouts.Pods;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Diagnostics;

/// <summary>What is wrong with the pods of a rollout that does not progress (CrashLoopBackOff, image pull errors, …).</summary>
public static class PodDiagnostics
{
    /// <summary>
    /// The problems of the pods a rollout waits for: for a Deployment the not-ready pods of its current revision, or,
    /// while a Recreate rollout has not started that revision, the old pods it waits to be gone; for a StatefulSet or
    /// DaemonSet the not-ready pods it controls. Nothing when the workload is gone.
    /// </summary>
    public static async Task<IReadOnlyList<PodProblem>> ForWorkloadAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken) =>
        workload.Kind switch
        {
            WorkloadKind.Deployment => await ForDeploymentAsync(client, workload, cancellationToken).ConfigureAwait(false),
            WorkloadKind.StatefulSet => await ForControllerAsync<V1StatefulSet>(client, ApiResource.StatefulSets, workload, s => s.Spec.Selector, cancellationToken).ConfigureAwait(false),
            _ => await ForControllerAsync<V1DaemonSet>(client, ApiResource.DaemonSets, workload, d => d.Spec.Selector, cancellationToken).ConfigureAwait(false),
        };

    /// <summary>One problem per pod that is not Ready, from its container statuses (the worst container).</summary>
    public static IReadOnlyList<PodProblem> Describe(IEnumerable<V1Pod> pods) =>
        pods.Where(pod => pod.Metadata.DeletionTimestamp is null && !IsReady(pod))
            .OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal)
            .Select(Problem)
            .ToList();

    /// <summary>One line per pod still there, terminating or not (the old pods a Recreate rollout waits to be gone).</summary>
    public static IReadOnlyList<PodProblem> DescribeRemaining(IEnumerable<V1Pod> pods) =>
        pods.OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal)
            .Select(pod => pod.Metadata.DeletionTimestamp is null
                ? Problem(pod)
                : new PodProblem(pod.Metadata.Name, "Terminating", Restarts(pod), null, null))
            .ToList();

    private static async Task<IReadOnlyList<PodProblem>> ForDeploymentAsync(KubeApiClient client, WorkloadReference workload, CancellationToken cancellationToken)
    {
        var deployment = await client.FindAsync<V1Deployment>(ApiResource.Deployments, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false);
        if (deployment?.Spec.Selector is null)
        {
            return [];
        }

        var replicaSets = await client.ListAsync<V1ReplicaSet>(
            ApiResource.ReplicaSets, workload.Namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(deployment.Spec.Selector)).ConfigureAwait(false);
        var owned = DeploymentHistory.Owned(deployment, replicaSets.Items).ToList();
        var current = DeploymentHistory.CurrentReplicaSet(deployment, owned);
        if (current?.Spec.Selector is not null)
        {
            var pods = await client.ListAsync<V1Pod>(
                ApiResource.Pods, workload.Namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(current.Spec.Selector)).ConfigureAwait(false);
            return Describe(pods.Items);
        }

        // No ReplicaSet for the template yet: a Recreate rollout creates it only once every old pod is gone.
        var remaining = await client.ListAsync<V1Pod>(
            ApiResource.Pods, workload.Namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(deployment.Spec.Selector)).ConfigureAwait(false);
        var ownedUids = owned.Select(rs => rs.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        return DescribeRemaining(remaining.Items.Where(p => ownedUids.Any(uid => WorkloadPods.IsControlledBy(p, uid))));
    }

    private static async Task<IReadOnlyList<PodProblem>> ForControllerAsync<T>(
        KubeApiClient client, ApiResource resource, WorkloadReference workload, Func<T, V1LabelSelector?> selectorOf, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var live = await client.FindAsync<T>(resource, workload.Namespace, workload.Name, cancellationToken).ConfigureAwait(false);
        if (live is null || selectorOf(live) is not { } selector)
        {
            return [];
        }

        var pods = await client.ListAsync<V1Pod>(ApiResource.Pods, workload.Namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(selector)).ConfigureAwait(false);
        return Describe(pods.Items.Where(p => WorkloadPods.IsControlledBy(p, live.Metadata.Uid)));
    }

    private static PodProblem Problem(V1Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var container = statuses.FirstOrDefault(s => s.State?.Waiting is not null && s.State.Waiting.Reason != "ContainerCreating")
            ?? statuses.FirstOrDefault(s => s.State?.Terminated is not null)
            ?? statuses.FirstOrDefault(s => s.Ready != true);
        var lastExit = container?.LastState?.Terminated?.ExitCode ?? container?.State?.Terminated?.ExitCode;
        var (reason, message) = container?.State switch
        {
            { Waiting: { } waiting } => (waiting.Reason ?? "Waiting", waiting.Message),
            { Terminated: { } terminated } => (terminated.Reason ?? "Terminated", terminated.Message),
            { Running: not null } => ("Running, not ready", (string?)null),
            _ => (pod.Status?.Phase ?? "Pending", pod.Status?.Conditions?.FirstOrDefault(c => c.Status == "False" && c.Message is not null)?.Message),
        };
        return new PodProblem(pod.Metadata.Name, reason, Restarts(pod), message, lastExit);
    }

    private static int Restarts(V1Pod pod) => (pod.Status?.ContainerStatuses ?? []).Sum(s => s.RestartCount);

    private static bool IsReady(V1Pod pod) =>
        pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
