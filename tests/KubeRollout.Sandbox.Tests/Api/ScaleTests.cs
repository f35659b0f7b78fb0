using System.Net;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class ScaleTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_scale_subresource_reads_and_writes_spec_replicas()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("sc", replicas: 2), ns);

        k8s.Models.V1Scale scale = null!;
        var updated = await ConflictRetry.ReadModifyWriteAsync(async () =>
        {
            scale = await sandbox.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("sc", ns);
            scale.Spec.Replicas = 4;
            return await sandbox.Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "sc", ns);
        });

        Assert.Equal("autoscaling/v1", scale.ApiVersion);
        Assert.Equal("Scale", scale.Kind);
        Assert.Equal("app=sc", scale.Status.Selector);
        Assert.Equal(4, updated.Spec.Replicas);
        Assert.Equal(4, (await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("sc", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task A_negative_scale_is_422_and_a_stale_one_409()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("sc", replicas: 2), ns);
        var scale = await sandbox.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("sc", ns);
        var url = $"/apis/apps/v1/namespaces/{ns}/deployments/sc/scale";

        scale.Spec.Replicas = -1;
        var negative = await sandbox.Http.SendAsync(HttpMethod.Put, url, HttpJson.Json(scale));
        scale.Spec.Replicas = 3;
        scale.Metadata.ResourceVersion = "1";
        var stale = await sandbox.Http.SendAsync(HttpMethod.Put, url, HttpJson.Json(scale));

        var invalid = await negative.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal("Scale.autoscaling \"sc\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", (string?)invalid["message"]);
        await stale.AssertStatusAsync(HttpStatusCode.Conflict, "Conflict");
    }

    [Fact]
    public async Task A_scale_without_a_content_type_is_read_as_JSON()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("bare", replicas: 1), ns);
        var url = $"/apis/apps/v1/namespaces/{ns}/deployments/bare/scale";

        // The controller writes the deployment too: re-read and retry on conflicts as client-go's scale client does.
        var response = await ConflictRetry.SendAsync(async () =>
        {
            var scale = await sandbox.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("bare", ns);
            scale.Spec.Replicas = 3;
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(HttpJson.Json(scale))) };
            Assert.Null(request.Content.Headers.ContentType);
            return await sandbox.Http.SendAsync(request);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (int)(await response.JsonAsync())["spec"]!["replicas"]!);
        Assert.Equal(3, (await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("bare", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Resources_without_scale_have_no_scale_subresource()
    {
        var response = await sandbox.Http.GetAsync("/apis/apps/v1/namespaces/default/daemonsets/x/scale");

        await response.AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
    }
}
