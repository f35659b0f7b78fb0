using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Deployments;

namespace KubeRollout.Core.Rollouts.Diagnostics;

/// <summary>What is wrong with the pods of a rollout that does not progress (CrashLoopBackOff, image pull errors, …).</summary>
public static class PodDiagnostics
{
    /// <summary>The problems of the not-ready pods of the Deployment's current revision.</summary>
    public static async Task<IReadOnlyList<PodProblem>> ForDeploymentAsync(KubeApiClient client, string @namespace, string name, CancellationToken cancellationToken)
    {
        var deployment = await client.FindAsync<V1Deployment>(ApiResource.Deployments, @namespace, name, cancellationToken).ConfigureAwait(false);
        if (deployment?.Spec.Selector is null)
        {
            return [];
        }

        var replicaSets = await client.ListAsync<V1ReplicaSet>(
            ApiResource.ReplicaSets, @namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(deployment.Spec.Selector)).ConfigureAwait(false);
        var current = DeploymentHistory.CurrentReplicaSet(deployment, DeploymentHistory.Owned(deployment, replicaSets.Items));
        if (current?.Spec.Selector is null)
        {
            return [];
        }

        var pods = await client.ListAsync<V1Pod>(
            ApiResource.Pods, @namespace, cancellationToken, labelSelector: LabelSelectorMatcher.ToQueryString(current.Spec.Selector)).ConfigureAwait(false);
        return Describe(pods.Items);
    }

    /// <summary>One problem per pod that is not Ready, from its container statuses (the worst container).</summary>
    public static IReadOnlyList<PodProblem> Describe(IEnumerable<V1Pod> pods) =>
        pods.Where(pod => pod.Metadata.DeletionTimestamp is null && !IsReady(pod))
            .OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal)
            .Select(Problem)
            .ToList();

    private static PodProblem Problem(V1Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var container = statuses.FirstOrDefault(s => s.State?.Waiting is not null && s.State.Waiting.Reason != "ContainerCreating")
            ?? statuses.FirstOrDefault(s => s.State?.Terminated is not null)
            ?? statuses.FirstOrDefault(s => s.Ready != true);
        var restarts = statuses.Sum(s => s.RestartCount);
        var lastExit = container?.LastState?.Terminated?.ExitCode ?? container?.State?.Terminated?.ExitCode;
        var (reason, message) = container?.State switch
        {
            { Waiting: { } waiting } => (waiting.Reason ?? "Waiting", waiting.Message),
            { Terminated: { } terminated } => (terminated.Reason ?? "Terminated", terminated.Message),
            { Running: not null } => ("Running, not ready", (string?)null),
            _ => (pod.Status?.Phase ?? "Pending", pod.Status?.Conditions?.FirstOrDefault(c => c.Status == "False" && c.Message is not null)?.Message),
        };
        return new PodProblem(pod.Metadata.Name, reason, restarts, message, lastExit);
    }

    private static bool IsReady(V1Pod pod) =>
        pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
