using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// The pod status the kubelet reports for a <see cref="PodRuntime"/>: phase (as kubelet's getPhase), the
/// PodReadyToStartContainers, Initialized, Ready, ContainersReady and PodScheduled conditions (transition times kept
/// while a status does not change), addresses, start time, QoS class and container statuses.
/// </summary>
public static class PodStatusBuilder
{
    public static V1PodStatus Build(V1Pod pod, PodRuntime runtime, string hostIP, DateTime now)
    {
        var time = SimulatedTime.Truncate(now);
        var previous = pod.Status;
        var unready = runtime.Containers.Where(c => !c.IsReady(now)).Select(c => c.Name).ToList();
        var ready = unready.Count == 0;
        var phase = Phase(pod, runtime);
        var terminalReason = phase switch
        {
            PodConditions.Succeeded => "PodCompleted",
            PodConditions.Failed => "PodFailed",
            _ => null,
        };
        var notReadyReason = terminalReason ?? "ContainersNotReady";
        var notReadyMessage = terminalReason is null ? $"containers with unready status: [{string.Join(' ', unready)}]" : null;
        var started = SimulatedTime.Truncate(runtime.StartTime);

        // Ready since the last container became ready in its current run: a restart in between (even one this
        // status never showed) starts the time anew, which is what minReadySeconds measures.
        var readySince = ready ? SimulatedTime.Truncate(runtime.Containers.Select(c => c.ReadyAt!.Value).DefaultIfEmpty(runtime.StartTime).Max()) : time;
        var startup = runtime.Startup;
        var initContainers = pod.Spec.InitContainers ?? [];
        var initializing = initContainers.Count > 0 && !startup.Initialized;
        var incomplete = initContainers.SkipWhile(c => startup.InitFailure is { } failure && c.Name != failure.Container).Select(c => c.Name);

        // The pod sandbox exists once the volumes are mounted, and is gone once the pod has terminated.
        var sandboxReady = startup.Mounted && terminalReason is null;
        var conditions = new List<V1PodCondition>
        {
            Condition(previous, PodConditions.PodReadyToStartContainers, sandboxReady ? "True" : "False", null, null, sandboxReady && previous is null ? started : time),
            initializing
                ? Condition(previous, PodConditions.Initialized, "False", "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', incomplete)}]", time)
                : Condition(previous, PodConditions.Initialized, "True", null, null, started),
            Readiness(previous, PodConditions.Ready, ready, notReadyReason, notReadyMessage, readySince),
            Readiness(previous, PodConditions.ContainersReady, ready, notReadyReason, notReadyMessage, readySince),
            PodConditions.Find(pod, PodConditions.PodScheduled) is { Status: "True" } scheduled
                ? scheduled
                : new V1PodCondition { Type = PodConditions.PodScheduled, Status = "True", LastTransitionTime = started },
        };

        var generation = pod.Metadata.Generation;
        foreach (var condition in conditions.Take(4))
        {
            condition.ObservedGeneration = generation;
        }

        return new V1PodStatus
        {
            ObservedGeneration = generation,
            Phase = phase,
            Conditions = conditions,
            HostIP = hostIP,
            HostIPs = [new V1HostIP { Ip = hostIP }],
            // The pod IP comes with the pod sandbox, which the kubelet creates once the volumes are mounted.
            PodIP = startup.Mounted ? runtime.PodIP : null,
            PodIPs = startup.Mounted && runtime.PodIP is not null ? [new V1PodIP { Ip = runtime.PodIP }] : null,
            StartTime = started,
            QosClass = previous?.QosClass ?? QosClass(pod),
            InitContainerStatuses = initContainers.Count > 0 ? InitContainerStatuses(initContainers, runtime) : null,
            ContainerStatuses = runtime.Containers.Select(c => ContainerStatus(c, now, initializing)).ToList(),
        };
    }

    /// <summary>kubelet's getPhase for the regular containers.</summary>
    private static string Phase(V1Pod pod, PodRuntime runtime)
    {
        int running = 0, waiting = 0, stopped = 0;
        foreach (var container in runtime.Containers)
        {
            switch (container.Stage)
            {
                case ContainerStage.Running:
                    running++;
                    break;
                case ContainerStage.Exited or ContainerStage.Dead:
                    stopped++;
                    break;
                default:
                    if (container.LastTerminated is not null)
                    {
                        stopped++;
                    }
                    else
                    {
                        waiting++;
                    }

                    break;
            }
        }

        var restartPolicy = pod.Spec.RestartPolicy ?? "Always";
        if (waiting > 0)
        {
            return PodConditions.Pending;
        }

        if (running > 0)
        {
            return PodConditions.Running;
        }

        if (stopped == 0 || restartPolicy == "Always")
        {
            return stopped == 0 ? PodConditions.Pending : PodConditions.Running; // all restarting
        }

        if (runtime.Containers.All(c => c.Succeeded))
        {
            return PodConditions.Succeeded;
        }

        return restartPolicy == "Never" ? PodConditions.Failed : PodConditions.Running; // OnFailure: restarting
    }

    /// <param name="initializing">The pod's init containers have not all run: its containers wait with PodInitializing.</param>
    private static V1ContainerStatus ContainerStatus(ContainerRuntime container, DateTime now, bool initializing)
    {
        var state = new V1ContainerState();
        switch (container.Stage)
        {
            case ContainerStage.Creating:
                state.Waiting = new V1ContainerStateWaiting { Reason = initializing ? "PodInitializing" : "ContainerCreating" };
                break;
            case ContainerStage.ConfigError:
                state.Waiting = new V1ContainerStateWaiting { Reason = "CreateContainerConfigError", Message = container.WaitingMessage };
                break;
            case ContainerStage.Running:
                state.Running = new V1ContainerStateRunning { StartedAt = SimulatedTime.Truncate(container.StartedAt!.Value) };
                break;
            case ContainerStage.Exited or ContainerStage.Dead:
                state.Terminated = Terminated(container.Terminated!);
                break;
            case ContainerStage.CrashLoopBackOff:
                state.Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = container.WaitingMessage };
                break;
            case ContainerStage.ErrImagePull:
                state.Waiting = new V1ContainerStateWaiting { Reason = "ErrImagePull", Message = container.WaitingMessage };
                break;
            case ContainerStage.ImagePullBackOff:
                state.Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = container.WaitingMessage };
                break;
        }

        var lastRun = container.LastTerminated;
        return new V1ContainerStatus
        {
            Name = container.Name,
            Image = ImageReference.Normalize(container.Image),
            ImageID = container.EverStarted ? ImageReference.ImageId(container.Image) : string.Empty,
            ContainerID = container.Stage switch
            {
                ContainerStage.Running => container.ContainerId,
                ContainerStage.Exited or ContainerStage.Dead => container.Terminated!.ContainerId,
                _ => container.LastTerminated?.ContainerId,
            },
            Ready = container.IsReady(now),
            Started = container.Stage == ContainerStage.Running,
            RestartCount = container.RestartCount,
            State = state,
            LastState = lastRun is null ? new V1ContainerState() : new V1ContainerState { Terminated = Terminated(lastRun) },
        };
    }

    /// <summary>
    /// Init containers run in order once the volumes are mounted: those before the one that cannot be created have
    /// completed, that one waits with CreateContainerConfigError, the rest (all of them while the volumes are not
    /// mounted) wait with PodInitializing.
    /// </summary>
    private static List<V1ContainerStatus> InitContainerStatuses(IList<V1Container> initContainers, PodRuntime runtime)
    {
        var startup = runtime.Startup;
        var statuses = new List<V1ContainerStatus>();
        var blocked = !startup.Mounted;
        foreach (var container in initContainers)
        {
            if (startup.InitFailure is { } failure && failure.Container == container.Name)
            {
                statuses.Add(WaitingInit(container, "CreateContainerConfigError", failure.Error));
                blocked = true;
            }
            else
            {
                statuses.Add(blocked ? WaitingInit(container, "PodInitializing", null) : CompletedInit(container, runtime));
            }
        }

        return statuses;
    }

    private static V1ContainerStatus WaitingInit(V1Container container, string reason, string? message) => new()
    {
        Name = container.Name,
        Image = ImageReference.Normalize(container.Image ?? string.Empty),
        ImageID = string.Empty,
        Ready = false,
        Started = false,
        RestartCount = 0,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } },
        LastState = new V1ContainerState(),
    };

    private static V1ContainerStatus CompletedInit(V1Container container, PodRuntime runtime)
    {
        var at = SimulatedTime.Truncate(runtime.StartTime);
        return new V1ContainerStatus
        {
            Name = container.Name,
            Image = ImageReference.Normalize(container.Image ?? string.Empty),
            ImageID = ImageReference.ImageId(container.Image ?? string.Empty),
            ContainerID = "containerd://" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runtime.Uid + "/" + container.Name))),
            Ready = true,
            Started = false,
            RestartCount = 0,
            State = new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed", StartedAt = at, FinishedAt = at },
            },
            LastState = new V1ContainerState(),
        };
    }

    private static V1ContainerStateTerminated Terminated(TerminatedRun run) => new()
    {
        ExitCode = run.ExitCode,
        Reason = run.Reason,
        StartedAt = SimulatedTime.Truncate(run.StartedAt),
        FinishedAt = SimulatedTime.Truncate(run.FinishedAt),
        ContainerID = run.ContainerId,
    };

    /// <summary>
    /// Ready/ContainersReady: when True, its transition time is when readiness began; when False, when it ended
    /// (reason PodCompleted or PodFailed once the pod has terminated, as the kubelet reports a terminal phase).
    /// </summary>
    private static V1PodCondition Readiness(V1PodStatus? previous, string type, bool ready, string notReadyReason, string? notReadyMessage, DateTime readySince)
    {
        if (!ready)
        {
            return Condition(previous, type, "False", notReadyReason, notReadyMessage, readySince);
        }

        return new V1PodCondition { Type = type, Status = "True", LastTransitionTime = readySince };
    }

    private static V1PodCondition Condition(V1PodStatus? previous, string type, string status, string? reason, string? message, DateTime time)
    {
        var before = previous?.Conditions?.FirstOrDefault(c => c.Type == type);
        return new V1PodCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastTransitionTime = before is not null && before.Status == status ? before.LastTransitionTime : time,
        };
    }

    /// <summary>Guaranteed when every container limits cpu and memory and requests equal limits; BestEffort without any; else Burstable.</summary>
    private static string QosClass(V1Pod pod)
    {
        var containers = (pod.Spec.Containers ?? []).Concat(pod.Spec.InitContainers ?? []).ToList();
        var any = containers.Any(c => (c.Resources?.Requests?.Count ?? 0) > 0 || (c.Resources?.Limits?.Count ?? 0) > 0);
        if (!any)
        {
            return "BestEffort";
        }

        var guaranteed = containers.All(c => new[] { "cpu", "memory" }.All(r => LimitEqualsRequest(c.Resources, r)));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    /// <summary>A limit is set and the request is unset (it defaults to the limit) or equal.</summary>
    private static bool LimitEqualsRequest(V1ResourceRequirements? resources, string resource)
    {
        if (resources?.Limits is null || !resources.Limits.TryGetValue(resource, out var limit))
        {
            return false;
        }

        return resources.Requests is null || !resources.Requests.TryGetValue(resource, out var request) || request.ToString() == limit.ToString();
    }
}
