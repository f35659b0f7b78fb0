namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// kubectl scale with a precondition goes through client-go's scale client, which sends its Scale without a
/// Content-Type: the sandbox must read it as JSON, as the API server does, for every kind with a scale subresource.
/// </summary>
public sealed class KubectlScaleTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Theory]
    [InlineData("deployment", "deployment.apps")]
    [InlineData("statefulset", "statefulset.apps")]
    [InlineData("replicaset", "replicaset.apps")]
    public async Task Scale_with_current_replicas_and_dry_run_server(string kind, string printed)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var manifest = Path.Combine(sandbox.Directory, $"{kind}-{ns}.yaml");
        await File.WriteAllTextAsync(manifest, Workload(kind));
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

    private static string Workload(string kind) => $$"""
        apiVersion: apps/v1
        kind: {{char.ToUpperInvariant(kind[0]) + kind[1..].Replace("set", "Set", StringComparison.Ordinal)}}
        metadata:
          name: web
        spec:
          replicas: 1
          {{(kind == "statefulset" ? "serviceName: web" : "minReadySeconds: 0")}}
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;
}
