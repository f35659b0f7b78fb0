using k8s.Models;

namespace KubeRollout.Sandbox.Machinery.Objects;

/// <summary>
/// How controllers judge pods (podutil and controller_utils): ready, available, active, terminating.
/// Shared by the ReplicaSet, Deployment, StatefulSet and DaemonSet controllers.
/// </summary>
public static class PodConditions
{
    public const string Ready = "Ready";
    public const string ContainersReady = "ContainersReady";
    public const string Initialized = "Initialized";
    public const string PodScheduled = "PodScheduled";
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";

    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Unknown = "Unknown";

    public static V1PodCondition? Find(V1Pod pod, string type)
    {
        if (pod.Status?.Conditions is not { } conditions)
        {
            return null;
        }

        foreach (var condition in conditions)
        {
            if (condition.Type == type)
            {
                return condition;
            }
        }

        return null;
    }

    public static bool IsReady(V1Pod pod) => Find(pod, Ready)?.Status == "True";

    /// <summary>When the pod last became Ready (null when it is not Ready).</summary>
    public static DateTime? ReadySince(V1Pod pod) =>
        Find(pod, Ready) is { Status: "True" } condition ? condition.LastTransitionTime : null;

    /// <summary>Ready for at least <paramref name="minReadySeconds"/> (strictly longer, as podutil.IsPodAvailable).</summary>
    public static bool IsAvailable(V1Pod pod, int minReadySeconds, DateTime now)
    {
        if (!IsReady(pod))
        {
            return false;
        }

        if (minReadySeconds == 0)
        {
            return true;
        }

        return ReadySince(pod) is { } since && since.AddSeconds(minReadySeconds) < now;
    }

    /// <summary>When a Ready pod that is not available yet becomes available (null: never, or already).</summary>
    public static DateTime? AvailableAt(V1Pod pod, int minReadySeconds, DateTime now)
    {
        if (minReadySeconds == 0 || ReadySince(pod) is not { } since)
        {
            return null;
        }

        var at = since.AddSeconds(minReadySeconds);
        return at < now ? null : at;
    }

    public static bool IsTerminal(V1Pod pod) => pod.Status?.Phase is Succeeded or Failed;

    /// <summary>Neither terminal nor being deleted (controller.IsPodActive).</summary>
    public static bool IsActive(V1Pod pod) => !IsTerminal(pod) && pod.Metadata.DeletionTimestamp is null;

    /// <summary>Being deleted but not terminal yet (controller.IsPodTerminating).</summary>
    public static bool IsTerminating(V1Pod pod) => !IsTerminal(pod) && pod.Metadata.DeletionTimestamp is not null;

    public static int MaxContainerRestarts(V1Pod pod)
    {
        var max = 0;
        foreach (var status in pod.Status?.ContainerStatuses ?? [])
        {
            max = Math.Max(max, status.RestartCount);
        }

        return max;
    }
}
