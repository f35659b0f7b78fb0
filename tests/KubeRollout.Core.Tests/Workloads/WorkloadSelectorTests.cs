using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Workloads;

public class WorkloadSelectorTests
{
    private static readonly WorkloadReference[] Workloads =
    [
        new(WorkloadKind.Deployment, "shop", "web"),
        new(WorkloadKind.Deployment, "shop", "web-admin"),
        new(WorkloadKind.Deployment, "shop", "api"),
        new(WorkloadKind.StatefulSet, "shop", "web-db"),
        new(WorkloadKind.DaemonSet, "infra", "web-proxy"),
        new(WorkloadKind.Deployment, "infra", "Web-Legacy"),
    ];

    [Fact]
    public void A_pattern_without_a_type_matches_every_kind_ordered_as_kubectl_get_lists_them()
    {
        var selector = WorkloadSelector.Parse("web*", WorkloadKind.Deployment, kindGiven: false);

        Assert.True(selector.IsPattern);
        Assert.Equal(
            ["infra/Deployment/Web-Legacy", "infra/DaemonSet/web-proxy", "shop/Deployment/web", "shop/Deployment/web-admin", "shop/StatefulSet/web-db"],
            selector.Filter(Workloads).Select(w => $"{w.Namespace}/{w.Kind}/{w.Name}"));
    }

    [Theory]
    [InlineData("sts/web*", false, "StatefulSet", new[] { "web-db" })]
    [InlineData("web-?b", true, "StatefulSet", new[] { "web-db" })]
    [InlineData("web-[ad]*", false, "Deployment", new[] { "web-admin", "web-db" })]
    [InlineData("api", false, "Deployment", new[] { "api" })]
    public void A_type_or_Kind_narrows_a_pattern_and_an_exact_name_keeps_the_default_kind(string text, bool kindGiven, string kind, string[] names)
    {
        var selector = WorkloadSelector.Parse(text, Enum.Parse<WorkloadKind>(kind), kindGiven);

        Assert.Equal(names, selector.Filter(Workloads).Select(w => w.Name));
    }

    [Fact]
    public void No_name_selects_every_workload_of_the_kind_given_or_of_every_kind()
    {
        Assert.Equal(6, WorkloadSelector.All(null).Filter(Workloads).Count);
        Assert.Equal(["web-db"], WorkloadSelector.All(WorkloadKind.StatefulSet).Filter(Workloads).Select(w => w.Name));
    }

    [Fact]
    public void Refuses_a_type_that_does_not_roll_out_as_before()
    {
        var error = Assert.Throws<KubeRolloutException>(() => WorkloadSelector.Parse("svc/web*", WorkloadKind.Deployment, false));

        Assert.Equal("WorkloadKindUnsupported", error.ErrorId);
    }

    [Theory]
    [InlineData("web*", "WEB-1", true)]
    [InlineData("web", "web-1", false)]
    [InlineData("w?b", "wib", true)]
    [InlineData("[", "[", true)]
    [InlineData("a.b*", "axb", false)]
    public void Matches_wildcards_as_PowerShell_does_without_regard_to_case(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, new WildcardName(pattern).IsMatch(name));
    }
}
