namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>metadata.generation as kubectl sees it after the writes users make.</summary>
public sealed class KubectlGenerationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Annotating_a_deployment_bumps_its_generation_and_a_config_map_has_none()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        Assert.Equal(0, (await Kubectl.RunAsync("create", "-n", ns, "deployment", "web", "--image=nginx:1.27")).ExitCode);
        Assert.Equal(0, (await Kubectl.RunAsync("create", "-n", ns, "configmap", "settings", "--from-literal=a=b")).ExitCode);
        var before = await Kubectl.RunAsync("get", "-n", ns, "deployment", "web", "-o", "jsonpath={.metadata.generation}");

        var annotated = await Kubectl.RunAsync("annotate", "-n", ns, "deployment", "web", "team=shop");
        var labelled = await Kubectl.RunAsync("label", "-n", ns, "deployment", "web", "tier=front");
        var deployment = await Kubectl.RunAsync("get", "-n", ns, "deployment", "web", "-o", "jsonpath={.metadata.generation}");
        await Kubectl.RunAsync("annotate", "-n", ns, "configmap", "settings", "team=shop");
        var configMap = await Kubectl.RunAsync("get", "-n", ns, "configmap", "settings", "-o", "jsonpath={.metadata.generation}|{.metadata.annotations.team}");

        Assert.Equal("1", before.Output);
        Assert.Equal((0, 0), (annotated.ExitCode, labelled.ExitCode));
        Assert.Equal("2", deployment.Output);
        Assert.Equal("|shop", configMap.Output);
    }
}
