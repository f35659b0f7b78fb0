using k8s.Models;
using KubeRollout.Sandbox.Registry.Core.Nodes;
using KubeRollout.Sandbox.Registry.Core.Pods;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Pods;

public sealed class PodPrinterTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_running_ready_pod()
    {
        var cells = Print(Pod("Running", Running(ready: true)), podIp: "10.244.0.5", node: "node-1");

        Assert.Equal(["web-1", "1/1", "Running", "0", "5m", "10.244.0.5", "node-1", "<none>", "<none>"], cells);
    }

    [Fact]
    public void A_pending_pod_without_container_statuses_is_Pending()
    {
        Assert.Equal("Pending", Print(Pod("Pending"))[2]);
    }

    [Fact]
    public void A_container_being_created_shows_its_waiting_reason()
    {
        Assert.Equal(["0/1", "ContainerCreating"], Print(Pod("Pending", Waiting("ContainerCreating")))[1..3]);
    }

    [Fact]
    public void A_crash_looping_container_shows_CrashLoopBackOff_and_its_restarts_with_their_age()
    {
        var status = Waiting("CrashLoopBackOff");
        status.RestartCount = 4;
        status.LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, FinishedAt = Now.AddSeconds(-30) } };

        var cells = Print(Pod("Running", status));

        Assert.Equal(["0/1", "CrashLoopBackOff", "4 (30s ago)"], cells[1..4]);
    }

    [Fact]
    public void An_image_that_cannot_be_pulled_shows_ImagePullBackOff()
    {
        Assert.Equal("ImagePullBackOff", Print(Pod("Pending", Waiting("ImagePullBackOff")))[2]);
    }

    [Fact]
    public void A_finished_pod_shows_Completed()
    {
        var status = new V1ContainerStatus
        {
            Name = "web", Image = "nginx", ImageID = "", Ready = false, RestartCount = 0,
            State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed" } },
        };

        Assert.Equal("Completed", Print(Pod("Succeeded", status))[2]);
    }

    [Fact]
    public void A_pod_being_deleted_shows_Terminating()
    {
        var pod = Pod("Running", Running(ready: true));
        pod.Metadata.DeletionTimestamp = Now;

        Assert.Equal("Terminating", Print(pod)[2]);
    }

    [Fact]
    public void A_failing_init_container_is_reported_with_the_Init_prefix()
    {
        var pod = Pod("Pending");
        pod.Spec.InitContainers = [new V1Container { Name = "setup", Image = "busybox" }];
        pod.Status.InitContainerStatuses =
        [
            new V1ContainerStatus
            {
                Name = "setup", Image = "busybox", ImageID = "", Ready = false, RestartCount = 1,
                State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
            },
        ];

        Assert.Equal("Init:CrashLoopBackOff", Print(pod)[2]);
    }

    [Fact]
    public void Readiness_gates_count_their_true_conditions()
    {
        var pod = Pod("Running", Running(ready: true));
        pod.Spec.ReadinessGates = [new V1PodReadinessGate { ConditionType = "example.com/ready" }];
        pod.Status.Conditions = [new V1PodCondition { Type = "example.com/ready", Status = "True" }];

        Assert.Equal("1/1", Print(pod)[8]);
    }

    private static string[] Print(V1Pod pod, string? podIp = null, string? node = null)
    {
        pod.Spec.NodeName = node;
        if (podIp is not null)
        {
            pod.Status.PodIPs = [new V1PodIP { Ip = podIp }];
        }

        return new PodPrinter().Cells(pod, Now).Select(c => c?.ToString() ?? "<null>").ToArray();
    }

    private static V1Pod Pod(string phase, params V1ContainerStatus[] statuses) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-1", CreationTimestamp = Now.AddMinutes(-5) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] },
        Status = new V1PodStatus { Phase = phase, ContainerStatuses = statuses.Length == 0 ? null : statuses },
    };

    private static V1ContainerStatus Running(bool ready) => new()
    {
        Name = "web", Image = "nginx", ImageID = "", Ready = ready, RestartCount = 0,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Now.AddMinutes(-4) } },
    };

    private static V1ContainerStatus Waiting(string reason) => new()
    {
        Name = "web", Image = "nginx", ImageID = "", Ready = false, RestartCount = 0,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason } },
    };
}
