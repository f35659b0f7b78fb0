using k8s.Models;
using KubeRollout.Core.Rollouts.Diagnostics;

namespace KubeRollout.Core.Tests.Rollouts.Diagnostics;

public sealed class PodDiagnosticsTests
{
    private static V1Pod Pod(string name, bool ready, V1ContainerState? state = null, int restarts = 0, bool terminating = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, DeletionTimestamp = terminating ? DateTime.UtcNow : null },
        Status = new V1PodStatus
        {
            Phase = "Running",
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
            ContainerStatuses = [new V1ContainerStatus { Name = "web", Ready = ready, RestartCount = restarts, State = state ?? new V1ContainerState { Running = new V1ContainerStateRunning() } }],
        },
    };

    [Fact]
    public void Only_pods_that_are_not_ready_and_not_going_away_are_problems_named_by_their_worst_container()
    {
        var crashing = Pod("web-b", ready: false, new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 10s" } }, restarts: 2);
        var unpulled = Pod("web-a", ready: false, new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff" } });

        var problems = PodDiagnostics.Describe([crashing, Pod("web-c", ready: true), unpulled, Pod("web-d", ready: false, terminating: true)]);

        Assert.Equal(["pod web-a: ImagePullBackOff, 0 restarts", "pod web-b: CrashLoopBackOff, 2 restarts (back-off 10s)"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_pods_a_recreate_rollout_waits_for_are_all_named_terminating_ones_as_such()
    {
        var problems = PodDiagnostics.DescribeRemaining([Pod("web-old-2", ready: false, terminating: true, restarts: 1), Pod("web-old-1", ready: true)]);

        Assert.Equal(["pod web-old-1: Running, 0 restarts", "pod web-old-2: Terminating, 1 restart"], problems.Select(p => p.ToString()));
    }
}
