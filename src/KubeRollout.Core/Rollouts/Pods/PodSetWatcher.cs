using k8s.Models;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>Waits, over a watch, for the pods a selector matches to satisfy a condition.</summary>
public static class PodSetWatcher
{
    /// <summary>The pods once <paramref name="condition"/> holds, or the last ones seen when the timeout passes.</summary>
    public static Task<(IReadOnlyList<V1Pod> Objects, bool Satisfied)> WaitUntilAsync(
        KubeApiClient client, string @namespace, string labelSelector, Func<IReadOnlyList<V1Pod>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken) =>
        ObjectSetWatcher.WaitUntilAsync(client, ApiResource.Pods, @namespace, labelSelector, condition, timeout, cancellationToken);
}
