using KubeRollout.Sandbox.Api.Metrics;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Tests.Api.Metrics;

public sealed class RequestMetricLabelsTests
{
    private static readonly ResourceTarget Pods = new(ResourceRegistry.Find("", "v1", "pods")!.Resource, "default", null, null);
    private static readonly ResourceTarget Pod = Pods with { Name = "web" };
    private static readonly ResourceTarget AllPods = Pods with { Namespace = null };

    [Theory]
    [InlineData("GET", true, false, null, "LIST")]
    [InlineData("GET", false, false, null, "GET")]
    [InlineData("HEAD", true, false, null, "LIST")]
    [InlineData("GET", true, true, null, "WATCH")]
    [InlineData("POST", true, false, "application/json", "POST")]
    [InlineData("PUT", false, false, "application/json", "PUT")]
    [InlineData("PATCH", false, false, "application/merge-patch+json", "PATCH")]
    [InlineData("PATCH", false, false, "application/apply-patch+yaml", "APPLY")]
    [InlineData("DELETE", true, false, null, "DELETE")]
    [InlineData("OPTIONS", false, false, null, "other")]
    public void Verbs_are_the_api_servers(string method, bool collection, bool watching, string? contentType, string verb) =>
        Assert.Equal(verb, RequestMetricLabels.VerbOf(method, collection, watching, contentType));

    [Fact]
    public void The_route_scope_is_resource_for_objects_and_creates_namespace_for_a_namespaces_collection_else_cluster()
    {
        Assert.Equal("resource", RequestMetricLabels.RouteScope(Pod, "GET"));
        Assert.Equal("resource", RequestMetricLabels.RouteScope(Pods, "POST"));
        Assert.Equal("namespace", RequestMetricLabels.RouteScope(Pods, "GET"));
        Assert.Equal("cluster", RequestMetricLabels.RouteScope(AllPods, "GET"));
    }

    [Fact]
    public void A_watch_pinned_to_one_name_is_a_resource_in_the_long_running_gauge()
    {
        Assert.Equal("resource", RequestMetricLabels.RequestInfoScope(Pods, "web"));
        Assert.Equal("namespace", RequestMetricLabels.RequestInfoScope(Pods, null));
        Assert.Equal("cluster", RequestMetricLabels.RequestInfoScope(AllPods, null));
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "All" }, "All")]
    [InlineData(new[] { "All", "All" }, "All")]
    [InlineData(new[] { "Some" }, "invalid")]
    public void DryRun_is_empty_all_or_invalid(string[] values, string label) =>
        Assert.Equal(label, RequestMetricLabels.DryRunOf(values));
}
