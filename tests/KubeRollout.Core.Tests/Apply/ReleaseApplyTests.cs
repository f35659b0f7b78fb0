using KubeRollout.Core.Apply;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Apply;

public sealed class ReleaseApplyTests
{
    private static ApplyResult Result(string kind, string name, ApplyAction action, bool dryRun = false) =>
        new() { Kind = kind, Namespace = "ns", Name = name, Action = action, DryRun = dryRun };

    [Fact]
    public void Every_workload_the_apply_created_or_changed_and_every_one_it_restarted_is_waited_for_once()
    {
        var results = new[]
        {
            Result("ConfigMap", "cfg", ApplyAction.Configured),
            Result("Service", "web", ApplyAction.Created),
            Result("Deployment", "web", ApplyAction.Configured),
            Result("StatefulSet", "db", ApplyAction.Created),
            Result("DaemonSet", "proxy", ApplyAction.Unchanged),
            Result("Deployment", "api", ApplyAction.Configured, dryRun: true),
        };
        var restarted = new[]
        {
            new RolloutActionResult { Kind = WorkloadKind.DaemonSet, Namespace = "ns", Name = "proxy", Action = RolloutAction.Restarted, Message = "restarted" },
            new RolloutActionResult { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "web", Action = RolloutAction.Restarted, Message = "restarted" },
        };

        var waited = ReleaseApply.WorkloadsToWaitFor(results, restarted);

        Assert.Equal(
            [new(WorkloadKind.Deployment, "ns", "web"), new(WorkloadKind.StatefulSet, "ns", "db"), new WorkloadReference(WorkloadKind.DaemonSet, "ns", "proxy")],
            waited);
    }

    [Fact]
    public void An_apply_that_changed_no_workload_waits_for_nothing()
    {
        Assert.Empty(ReleaseApply.WorkloadsToWaitFor([Result("Deployment", "web", ApplyAction.Unchanged), Result("Service", "web", ApplyAction.Configured)], []));
    }
}
