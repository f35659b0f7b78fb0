namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// kubectl scale with a precondition goes through client-go's scale client, which sends its Scale without a
/// Content-Type: the sandbox must read it as JSON, as the API server does, for every kind with a scale subresource.
/// </summary>
public sealed class KubectlScaleTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Theory]
    [InlineData("Deployment", "deployment.apps")]
    [InlineData("StatefulSet", "statefulset.apps")]
    [InlineData("ReplicaSet", "replicaset.apps")]
    public async Task Scale_with_current_replicas_and_dry_run_server(string workload, string printed)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var kind = workload.ToLowerInvariant();
        var manifest = TestObjects.ManifestFile(sandbox.Directory, TestObjects.WorkloadYaml(workload, "web"));
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", manifest)).ExitCode);

        var dryRun = await Kubectl.RunAsync("scale", "-n", ns, kind, "web", "--current-replicas=1", "--replicas=2", "--dry-run=server");
        var afterDryRun = await Kubectl.RunAsync("get", "-n", ns, kind, "web", "-o", "jsonpath={.spec.replicas}");
        var scaled = await Kubectl.RunAsync("scale", "-n", ns, kind, "web", "--current-replicas=1", "--replicas=2");
        var wrongPrecondition = await Kubectl.RunAsync("scale", "-n", ns, kind, "web", "--current-replicas=5", "--replicas=3");
        var afterScale = await Kubectl.RunAsync("get", "-n", ns, kind, "web", "-o", "jsonpath={.spec.replicas}");

        Assert.Equal((0, $"{printed}/web scaled (server dry run)\n"), (dryRun.ExitCode, dryRun.Output));
        Assert.Equal("1", afterDryRun.Output);
        Assert.Equal((0, $"{printed}/web scaled\n"), (scaled.ExitCode, scaled.Output));
        Assert.Equal(1, wrongPrecondition.ExitCode);
        Assert.Contains("Expected replicas to be 5, was 2", wrongPrecondition.Error);
        Assert.Equal("2", afterScale.Output);
    }
}
