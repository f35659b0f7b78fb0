using System.Net;
using System.Net.Http.Headers;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class AuthenticationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("/version")]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/apis/apps/v1/namespaces/default/deployments")]
    public async Task Requests_without_the_token_are_401(string path)
    {
        using var anonymous = sandbox.CreateHttpClient(withToken: false);

        var status = await (await anonymous.GetAsync(path)).AssertStatusAsync(HttpStatusCode.Unauthorized, "Unauthorized");

        Assert.Equal("Unauthorized", (string?)status["message"]);
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        using var client = sandbox.CreateHttpClient(withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        await (await client.GetAsync("/api/v1/namespaces")).AssertStatusAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task The_written_kubeconfig_reaches_the_sandbox_over_verified_tls()
    {
        var kubeconfig = await File.ReadAllTextAsync(sandbox.Server.KubeconfigPath);
        var namespaces = await sandbox.Client.CoreV1.ListNamespaceAsync();

        Assert.Contains("current-context: kuberollout-sandbox", kubeconfig);
        Assert.Contains("namespace: default", kubeconfig);
        Assert.Contains("certificate-authority-data:", kubeconfig);
        Assert.Contains($"server: https://127.0.0.1:{sandbox.Server.Port}", kubeconfig);
        Assert.Equal(["default", "kube-node-lease", "kube-public", "kube-system"], namespaces.Items.Select(n => n.Metadata.Name).Order());
        Assert.All(namespaces.Items, n => Assert.Equal("Active", n.Status.Phase));
    }
}
