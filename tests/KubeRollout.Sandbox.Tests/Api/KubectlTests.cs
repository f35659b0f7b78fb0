using k8s;
using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>The real kubectl 1.35 against the sandbox, with its default settings (server-side strict validation).</summary>
public sealed class KubectlTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string Fixture = Examples.Path("vweb", "vweb-v1.0.yaml");

    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Apply_get_and_delete_the_vweb_deployment()
    {
        var created = await Kubectl.RunAsync("apply", "-f", Fixture);
        var again = await Kubectl.RunAsync("apply", "-f", Fixture);
        var listed = await Kubectl.RunAsync("get", "deploy,rs,pods");
        var wide = await Kubectl.RunAsync("get", "deploy", "vweb", "-o", "wide");
        var yaml = await Kubectl.RunAsync("get", "deploy", "vweb", "-o", "yaml");
        var deleted = await Kubectl.RunAsync("delete", "-f", Fixture);
        var afterDelete = await Kubectl.RunAsync("get", "deploy", "vweb");

        Assert.Equal((0, "deployment.apps/vweb created\n"), (created.ExitCode, created.Output));
        Assert.Equal((0, "deployment.apps/vweb unchanged\n"), (again.ExitCode, again.Output));

        Assert.Equal(0, listed.ExitCode);
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("NAME READY UP-TO-DATE AVAILABLE AGE", Columns(lines[0]));
        Assert.Matches(@"^deployment\.apps/vweb +[0-2]/2 +[0-2] +[0-2] +\d+s$", lines[1]);

        Assert.Equal("NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR", Columns(wide.Output.Split('\n')[0]));
        Assert.Matches(@"^vweb +[0-2]/2 +[0-2] +[0-2] +\d+s +web +nginx:1\.26-alpine +app=vweb$", wide.Output.Split('\n')[1]);

        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains("kind: Deployment", yaml.Output);
        Assert.Contains("  name: vweb\n", yaml.Output);
        Assert.Contains("  replicas: 2\n", yaml.Output);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml.Output);
        Assert.Matches("resourceVersion: \"\\d+\"", yaml.Output);

        Assert.Equal(0, deleted.ExitCode);
        Assert.StartsWith("deployment.apps \"vweb\" deleted", deleted.Output);
        Assert.Equal(1, afterDelete.ExitCode);
        Assert.Equal("Error from server (NotFound): deployments.apps \"vweb\" not found\n", afterDelete.Error);
    }

    [Fact]
    public async Task An_unknown_field_is_rejected_like_a_real_server_does()
    {
        var manifest = Path.Combine(sandbox.Directory, "unknown-field.yaml");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(Fixture))
            .Replace("name: vweb\n", "name: vweb-unknown\n", StringComparison.Ordinal)
            .Replace("  replicas: 2\n", "  replicas: 2\n  foo: bar\n", StringComparison.Ordinal));

        var strict = await Kubectl.RunAsync("apply", "-f", manifest);
        var warned = await Kubectl.RunAsync("apply", "-f", manifest, "--validate=warn");

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(
            $"Error from server (BadRequest): error when creating \"{manifest}\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\"",
            strict.Error);
        Assert.Equal(0, warned.ExitCode);
        Assert.Contains("Warning: unknown field \"spec.foo\"", warned.Error);
        Assert.Equal("deployment.apps/vweb-unknown created\n", warned.Output);
    }

    [Fact]
    public async Task Pods_and_replica_sets_print_the_real_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("p1"), ns);
        await sandbox.Client.AppsV1.CreateNamespacedReplicaSetAsync(new k8s.Models.V1ReplicaSet
        {
            Metadata = new() { Name = "rs1" },
            Spec = new()
            {
                Replicas = 0,
                Selector = new() { MatchLabels = new Dictionary<string, string> { ["app"] = "rs1" } },
                Template = new()
                {
                    Metadata = new() { Labels = new Dictionary<string, string> { ["app"] = "rs1" } },
                    Spec = new() { Containers = [new() { Name = "web", Image = "nginx" }] },
                },
            },
        }, ns);

        var pods = await Kubectl.RunAsync("get", "pods", "-n", ns, "-o", "wide");
        var replicaSets = await Kubectl.RunAsync("get", "rs", "-n", ns);
        var namespaces = await Kubectl.RunAsync("get", "ns", ns);

        Assert.Equal("NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES", Columns(pods.Output.Split('\n')[0]));
        Assert.Matches(@"^p1 +\d/1 +\S* +\d+ +\d+s +\S+ +\S+ +<none> +<none>$", pods.Output.Split('\n')[1]);
        Assert.Equal("NAME DESIRED CURRENT READY AGE", Columns(replicaSets.Output.Split('\n')[0]));
        Assert.Matches(@"^rs1 +0 +0 +0 +\d+s$", replicaSets.Output.Split('\n')[1]);
        Assert.Matches($@"^{ns} +(Active +)?\d+s$", namespaces.Output.Split('\n')[1]); // Active once namespace defaulting runs
    }

    [Fact]
    public async Task A_forced_delete_removes_a_running_pod_at_once()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("forced", nodeName: "sandbox-node-2"), ns);

        var deleted = await Kubectl.RunAsync("delete", "pod", "forced", "-n", ns, "--grace-period=0", "--force");
        var after = await Kubectl.RunAsync("get", "pod", "forced", "-n", ns);

        Assert.Equal((0, $"pod \"forced\" force deleted from {ns} namespace\n"), (deleted.ExitCode, deleted.Output));
        Assert.StartsWith("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated.", deleted.Error);
        Assert.Equal($"Error from server (NotFound): pods \"forced\" not found\n", after.Error);
    }
}
