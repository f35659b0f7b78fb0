using System.Net;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// The PATCH routing and error paths that do not depend on the patch algorithms (which belong to Patching/ and are
/// contract stubs in this branch).
/// </summary>
public sealed class PatchDispatchTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("application/merge-patch+json", "{\"data\":{\"a\":\"b\"}}")]
    [InlineData("application/strategic-merge-patch+json", "{\"data\":{\"a\":\"b\"}}")]
    [InlineData("application/json-patch+json", "[{\"op\":\"add\",\"path\":\"/data/a\",\"value\":\"b\"}]")]
    public async Task Patching_a_missing_object_is_404(string contentType, string patch)
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/missing", patch, contentType);

        var status = await response.AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("configmaps \"missing\" not found", (string?)status["message"]);
    }

    [Fact]
    public async Task Patching_the_status_of_a_missing_object_is_404_even_with_apply()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/missing/status?fieldManager=test",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"missing\"}}", "application/apply-patch+yaml");

        await response.AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task An_unknown_patch_type_is_415()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/x", "{}", "application/json");

        var status = await response.AssertStatusAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        Assert.Contains("application/apply-patch+yaml", (string?)status["message"]);
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_422()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/x",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "application/apply-patch+yaml");

        var status = await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", (string?)status["message"]);
    }

    [Fact]
    public async Task Force_on_a_non_apply_patch_is_422()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/x?force=true", "{}", "application/merge-patch+json");

        var status = await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch", (string?)status["message"]);
    }

    [Theory]
    [InlineData("application/merge-patch+json", "{not json")]
    [InlineData("application/merge-patch+json", "[1]")]
    [InlineData("application/json-patch+json", "{\"op\":\"add\"}")]
    [InlineData("application/apply-patch+yaml", "key: [unclosed")]
    public async Task A_malformed_patch_body_is_400(string contentType, string patch)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("x"), ns);

        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/x?fieldManager=test", patch, contentType);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task An_invalid_dryRun_on_a_patch_is_422()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/x?dryRun=Yes", "{}", "application/merge-patch+json");

        await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
    }

    [Fact]
    public async Task A_strategic_merge_patch_that_deletes_the_last_item_leaves_no_empty_list()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var created = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments",
            TestObjects.DeploymentJson("env", ns).Replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var patched = await sandbox.Http.SendAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns}/deployments/env",
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"A","$patch":"delete"}]}]}}}}""", "application/strategic-merge-patch+json");
        var stored = await (await sandbox.Http.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/env")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var container = stored["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        Assert.False(container.ContainsKey("env"), container.ToJsonString());
        Assert.Equal("nginx", (string?)container["image"]);
    }
}
