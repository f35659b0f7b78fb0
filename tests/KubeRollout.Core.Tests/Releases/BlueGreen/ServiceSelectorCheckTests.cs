using KubeRollout.Core.Releases.BlueGreen;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

public sealed class ServiceSelectorCheckTests
{
    private static readonly IReadOnlyList<(string, IDictionary<string, string>?)> NothingIncoming = [];

    private static BlueGreenState StateWithSelector(Dictionary<string, string> selector, Func<BlueGreenCluster, BlueGreenCluster>? arrange = null) =>
        (arrange ?? (c => c.Side("vweb-blue", "blue").Side("vweb-green", "green")))(new BlueGreenCluster())
            .WithService(BlueGreenCluster.NewService("vweb", selector))
            .State();

    [Fact]
    public void A_selector_that_reaches_one_side_with_ready_pods_is_fine()
    {
        var state = StateWithSelector(new() { ["app"] = "vweb", ["slot"] = "green" });

        Assert.Empty(ServiceSelectorCheck.Warnings(state, NothingIncoming));
    }

    [Fact]
    public void A_selector_that_reaches_no_pod_leaves_the_service_without_endpoints()
    {
        var state = StateWithSelector(new() { ["app"] = "vweb", ["slot"] = "purple" });

        var warning = Assert.Single(ServiceSelectorCheck.Warnings(state, NothingIncoming));

        Assert.Equal(
            "The selector of service vweb becomes app=vweb,slot=purple, which matches no ready pod: the Service will have no endpoints, and requests to it fail until pods with these labels are ready.",
            warning);
    }

    [Fact]
    public void A_selector_that_reaches_only_pods_that_are_not_ready_warns_too()
    {
        var state = StateWithSelector(new() { ["app"] = "vweb", ["slot"] = "green" }, c => c.Side("vweb-blue", "blue").Side("vweb-green", "green", ready: 0));

        Assert.Contains("matches no ready pod", Assert.Single(ServiceSelectorCheck.Warnings(state, NothingIncoming)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_selector_that_reaches_both_sides_names_them()
    {
        var state = StateWithSelector(new() { ["app"] = "vweb" });

        var warning = Assert.Single(ServiceSelectorCheck.Warnings(state, NothingIncoming));

        Assert.StartsWith("The selector of service vweb becomes app=vweb, which matches the pods of deployment vweb-blue, deployment vweb-green: the Service sends its traffic to all of them.", warning, StringComparison.Ordinal);
        Assert.Contains("Switch-KubeBlueGreen", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_of_no_deployment_count_as_another_workload()
    {
        var state = StateWithSelector(
            new() { ["app"] = "vweb", ["slot"] = "blue" },
            c => c.Side("vweb-blue", "blue").BarePod("debug", new() { ["app"] = "vweb", ["slot"] = "blue" }));

        Assert.Contains("deployment vweb-blue, pod debug", Assert.Single(ServiceSelectorCheck.Warnings(state, NothingIncoming)), StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_the_same_apply_brings_count_as_coming_and_as_a_workload()
    {
        var state = StateWithSelector(new() { ["app"] = "vweb", ["slot"] = "purple" });
        var purple = ("deployment vweb-purple", (IDictionary<string, string>?)new Dictionary<string, string> { ["app"] = "vweb", ["slot"] = "purple" });
        var other = ("deployment api", (IDictionary<string, string>?)new Dictionary<string, string> { ["app"] = "api" });

        Assert.Empty(ServiceSelectorCheck.Warnings(state, [purple, other]));

        var both = StateWithSelector(new() { ["app"] = "vweb" }, c => c.Side("vweb-blue", "blue"));
        Assert.Contains("deployment vweb-blue, deployment vweb-purple", Assert.Single(ServiceSelectorCheck.Warnings(both, [purple])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_without_selector_is_not_judged()
    {
        var state = StateWithSelector(new());

        Assert.Empty(ServiceSelectorCheck.Warnings(state, NothingIncoming));
    }
}
