using System.Net;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class SelectorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("tier=web", "a,b")]
    [InlineData("tier==web", "a,b")]
    [InlineData("tier!=web", "c,d")]
    [InlineData("tier in (web, db)", "a,b,c")]
    [InlineData("tier notin (web)", "c,d")]
    [InlineData("tier", "a,b,c")]
    [InlineData("!tier", "d")]
    [InlineData("tier=web,track=canary", "b")]
    [InlineData("tier in (web),!track", "a")]
    [InlineData("", "a,b,c,d")]
    public async Task Label_selectors_select_as_the_api_does(string selector, string expected)
    {
        var ns = await LabelledPodsAsync();

        var pods = await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector);

        Assert.Equal(expected, string.Join(",", pods.Items.Select(p => p.Metadata.Name)));
    }

    [Theory]
    [InlineData("metadata.name=b", "b")]
    [InlineData("metadata.name!=b", "a,c,d")]
    [InlineData("spec.nodeName=sandbox-node-1", "a,c")]
    [InlineData("spec.nodeName=sandbox-node-1,metadata.name!=a", "c")]
    public async Task Field_selectors_select_by_the_supported_fields(string selector, string expected)
    {
        var ns = await LabelledPodsAsync();

        var pods = await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: selector);

        Assert.Equal(expected, string.Join(",", pods.Items.Select(p => p.Metadata.Name)));
    }

    [Fact]
    public async Task Namespace_field_selector_works_across_namespaces()
    {
        var ns = await LabelledPodsAsync();

        var pods = await sandbox.Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}");

        Assert.Equal(4, pods.Items.Count);
    }

    [Fact]
    public async Task An_unsupported_field_is_400_like_the_real_server()
    {
        var response = await sandbox.Http.GetAsync("/apis/apps/v1/namespaces/default/deployments?fieldSelector=spec.replicas%3D1");

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("field label not supported: spec.replicas", (string?)status["message"]);
    }

    [Theory]
    [InlineData("tier in web")]
    [InlineData("tier=(web")]
    [InlineData("a b")]
    [InlineData("=web")]
    public async Task Malformed_label_selectors_are_400(string selector)
    {
        var response = await sandbox.Http.GetAsync($"/api/v1/pods?labelSelector={Uri.EscapeDataString(selector)}");

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.StartsWith("unable to parse requirement", (string?)status["message"]);
    }

    /// <summary>Four pods bound to the simulated nodes (a pod bound to a node that does not exist is garbage-collected).</summary>
    private async Task<string> LabelledPodsAsync()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var pods = new (string Name, Dictionary<string, string> Labels, string Node)[]
        {
            ("a", new() { ["tier"] = "web" }, "sandbox-node-1"),
            ("b", new() { ["tier"] = "web", ["track"] = "canary" }, "sandbox-node-2"),
            ("c", new() { ["tier"] = "db" }, "sandbox-node-1"),
            ("d", new() { ["other"] = "x" }, "sandbox-node-3"),
        };
        foreach (var (name, labels, node) in pods)
        {
            await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod(name, labels, node), ns);
        }

        return ns;
    }
}
