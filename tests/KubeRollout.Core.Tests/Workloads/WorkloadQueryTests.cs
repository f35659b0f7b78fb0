using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Workloads;

public sealed class WorkloadQueryTests
{
    [Fact]
    public void No_name_selects_every_workload_of_the_kind_given_or_of_every_kind()
    {
        Assert.Equal(WorkloadSelector.AllKinds, new WorkloadQuery(WorkloadKind.Deployment, KindGiven: false, "ns").Selector(null).Kinds);
        Assert.Equal([WorkloadKind.DaemonSet], new WorkloadQuery(WorkloadKind.DaemonSet, KindGiven: true, "ns").Selector(null).Kinds);
    }

    [Fact]
    public void A_command_that_changes_workloads_refuses_patterns_and_takes_exact_names()
    {
        var changing = new WorkloadQuery(WorkloadKind.Deployment, KindGiven: false, "ns", ChangingCommand: "Undo-KubeRollout");

        var error = Assert.Throws<KubeRolloutException>(() => changing.Selector("web*"));
        Assert.Equal(("WorkloadNamePatternNotAccepted", FailureKind.InvalidArgument, "web*"), (error.ErrorId, error.Kind, error.Target));
        Assert.StartsWith("Undo-KubeRollout changes workloads and takes exact names, not the pattern 'web*'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new WorkloadSelector([WorkloadKind.StatefulSet], "db").Name, changing.Selector("sts/db").Name);
        Assert.True(new WorkloadQuery(WorkloadKind.Deployment, KindGiven: false, "ns").Selector("web*").IsPattern);
    }
}
