using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Workloads;

public class WorkloadReferenceTests
{
    [Theory]
    [InlineData("vweb", WorkloadKind.Deployment, "vweb")]
    [InlineData("deploy/vweb", WorkloadKind.Deployment, "vweb")]
    [InlineData("deployment.apps/vweb", WorkloadKind.Deployment, "vweb")]
    [InlineData("sts/todo-db", WorkloadKind.StatefulSet, "todo-db")]
    [InlineData("ds/nginx", WorkloadKind.DaemonSet, "nginx")]
    [InlineData("DaemonSet/nginx", WorkloadKind.DaemonSet, "nginx")]
    public void Reads_kubectls_forms(string text, WorkloadKind kind, string name)
    {
        var reference = WorkloadReference.Parse(text, WorkloadKind.Deployment, "web");

        Assert.Equal(new WorkloadReference(kind, "web", name), reference);
    }

    [Theory]
    [InlineData("svc/vweb", "WorkloadKindUnsupported")]
    [InlineData("deploy/", "WorkloadNameInvalid")]
    [InlineData("deploy/a/b", "WorkloadNameInvalid")]
    public void Refuses_what_is_not_a_workload(string text, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<KubeRolloutException>(() => WorkloadReference.Parse(text, WorkloadKind.Deployment, "default")).ErrorId);

    [Fact]
    public void A_kind_in_the_name_must_agree_with_an_explicit_kind()
    {
        var error = Assert.Throws<KubeRolloutException>(() => WorkloadReference.Parse("sts/db", WorkloadKind.Deployment, "default", kindGiven: true));

        Assert.Equal("WorkloadKindMismatch", error.ErrorId);
    }
}
