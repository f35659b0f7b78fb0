using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Pods;

/// <summary>
/// Pods as the API server prints them. STATUS is the kubelet's aggregate: the pod's reason or phase, overridden by
/// the first failing init container, then by the waiting/terminated reason of the containers (ContainerCreating,
/// CrashLoopBackOff, ImagePullBackOff, Completed, …), Terminating while a deletion is pending.
/// </summary>
internal sealed class PodPrinter : TablePrinter<V1Pod>
{
    private const string NodeUnreachablePodReason = "NodeLost";

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
        new("Status", "string", "The aggregate status of the containers in this pod."),
        new("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        TableColumn.Age(),
        new("IP", "string", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
        new("Node", "string", "NodeName indicates in which node this pod is scheduled.", 1),
        new("Nominated Node", "string", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.", 1),
        new("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness.", 1),
    ];

    protected override object?[] Cells(V1Pod pod, DateTime now)
    {
        var spec = pod.Spec ?? new V1PodSpec();
        var status = pod.Status ?? new V1PodStatus();
        var restarts = 0;
        var restartableInitRestarts = 0;
        var totalContainers = spec.Containers?.Count ?? 0;
        var readyContainers = 0;
        DateTime? lastRestart = null;
        DateTime? lastRestartableInitRestart = null;

        var reason = string.IsNullOrEmpty(status.Reason) ? status.Phase ?? string.Empty : status.Reason;
        if (status.Conditions?.Any(c => c.Type == "PodScheduled" && c.Reason == "SchedulingGated") == true)
        {
            reason = "SchedulingGated";
        }

        var initContainers = (spec.InitContainers ?? []).ToDictionary(c => c.Name, StringComparer.Ordinal);
        totalContainers += initContainers.Values.Count(IsRestartable);

        var initializing = false;
        var initStatuses = status.InitContainerStatuses ?? [];
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i];
            var restartable = initContainers.TryGetValue(container.Name, out var definition) && IsRestartable(definition);
            restarts += container.RestartCount;
            lastRestart = Later(lastRestart, container.LastState?.Terminated?.FinishedAt);
            if (restartable)
            {
                restartableInitRestarts += container.RestartCount;
                lastRestartableInitRestart = Later(lastRestartableInitRestart, container.LastState?.Terminated?.FinishedAt);
            }

            var terminated = container.State?.Terminated;
            var waiting = container.State?.Waiting;
            if (terminated is { ExitCode: 0 })
            {
                continue;
            }

            if (restartable && container.Started == true)
            {
                if (container.Ready)
                {
                    readyContainers++;
                }

                continue;
            }

            if (terminated is not null)
            {
                reason = string.IsNullOrEmpty(terminated.Reason)
                    ? terminated.Signal is { } signal and not 0 ? $"Init:Signal:{signal}" : $"Init:ExitCode:{terminated.ExitCode}"
                    : "Init:" + terminated.Reason;
            }
            else if (!string.IsNullOrEmpty(waiting?.Reason) && waiting.Reason != "PodInitializing")
            {
                reason = "Init:" + waiting.Reason;
            }
            else
            {
                reason = $"Init:{i}/{spec.InitContainers?.Count ?? 0}";
            }

            initializing = true;
            break;
        }

        if (!initializing || HasTrueCondition(status, "Initialized"))
        {
            restarts = restartableInitRestarts;
            lastRestart = lastRestartableInitRestart;
            var hasRunning = false;
            var statuses = status.ContainerStatuses ?? [];
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += container.RestartCount;
                lastRestart = Later(lastRestart, container.LastState?.Terminated?.FinishedAt);
                var waiting = container.State?.Waiting;
                var terminated = container.State?.Terminated;
                if (!string.IsNullOrEmpty(waiting?.Reason))
                {
                    reason = waiting.Reason;
                }
                else if (terminated is not null && !string.IsNullOrEmpty(terminated.Reason))
                {
                    reason = terminated.Reason;
                }
                else if (terminated is not null)
                {
                    reason = terminated.Signal is { } signal and not 0 ? $"Signal:{signal}" : $"ExitCode:{terminated.ExitCode}";
                }
                else if (container.Ready && container.State?.Running is not null)
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = HasTrueCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (pod.Metadata.DeletionTimestamp is not null && status.Reason == NodeUnreachablePodReason)
        {
            reason = "Unknown";
        }
        else if (pod.Metadata.DeletionTimestamp is not null && status.Phase is not ("Succeeded" or "Failed"))
        {
            reason = "Terminating";
        }

        var restartsText = restarts != 0 && lastRestart is not null
            ? $"{restarts} ({HumanDuration.Since(lastRestart, now)} ago)"
            : restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var podIp = status.PodIPs?.FirstOrDefault()?.Ip ?? status.PodIP;
        return
        [
            pod.Metadata.Name,
            $"{readyContainers}/{totalContainers}",
            reason,
            restartsText,
            HumanDuration.Since(pod.Metadata.CreationTimestamp, now),
            string.IsNullOrEmpty(podIp) ? "<none>" : podIp,
            string.IsNullOrEmpty(spec.NodeName) ? "<none>" : spec.NodeName,
            string.IsNullOrEmpty(status.NominatedNodeName) ? "<none>" : status.NominatedNodeName,
            ReadinessGates(spec, status),
        ];
    }

    private static string ReadinessGates(V1PodSpec spec, V1PodStatus status)
    {
        if (spec.ReadinessGates is not { Count: > 0 } gates)
        {
            return "<none>";
        }

        var satisfied = gates.Count(gate => status.Conditions?.FirstOrDefault(c => c.Type == gate.ConditionType)?.Status == "True");
        return $"{satisfied}/{gates.Count}";
    }

    /// <summary>A sidecar: an init container that keeps running (restartPolicy Always).</summary>
    private static bool IsRestartable(V1Container container) => container.RestartPolicy == "Always";

    private static bool HasTrueCondition(V1PodStatus status, string type) =>
        status.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static DateTime? Later(DateTime? current, DateTime? candidate) =>
        candidate is not null && (current is null || candidate > current) ? candidate : current;
}
