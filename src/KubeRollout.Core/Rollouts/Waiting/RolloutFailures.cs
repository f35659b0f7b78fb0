using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Waiting;

/// <summary>
/// The error a wait reports for a rollout that did not complete, or null when it completed. Its target is the
/// workload (kind, namespace and name), as for every error about a cluster object; the message has the status.
/// </summary>
public static class RolloutFailures
{
    public static KubeRolloutException? For(RolloutStatus status, TimeSpan? timeout)
    {
        var workload = new WorkloadReference(status.Kind, status.Namespace, status.Name);
        return status.State switch
        {
            RolloutState.Complete => null,
            RolloutState.Failed => new KubeRolloutException("RolloutFailed", FailureKind.InvalidResult, status.Message, workload),
            RolloutState.Paused => new KubeRolloutException(
                "RolloutPaused", FailureKind.InvalidOperation,
                $"{workload.ResourceName} is paused and will not finish rolling out until it is resumed (Resume-KubeRollout): {status.Message}", workload),
            RolloutState.WaitingForDeletion => new KubeRolloutException(
                "RolloutWaitingForDeletion", FailureKind.InvalidOperation,
                $"{workload.ResourceName} will not finish rolling out by itself: {status.Message}", workload),
            RolloutState.Deleted => new KubeRolloutException("WorkloadDeleted", FailureKind.ObjectNotFound, $"{workload.ResourceName}: object has been deleted", workload),
            RolloutState.NotFound => new KubeRolloutException("WorkloadNotFound", FailureKind.ObjectNotFound, status.Message, workload),
            _ => new KubeRolloutException(
                "RolloutTimeout", FailureKind.OperationTimeout,
                $"timed out waiting for the condition{(timeout is { } t ? $" ({Format(t)})" : string.Empty)}: {status.Message}", workload),
        };
    }

    private static string Format(TimeSpan timeout) =>
        timeout.TotalSeconds < 60 ? $"{timeout.TotalSeconds:0.###}s" : timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
