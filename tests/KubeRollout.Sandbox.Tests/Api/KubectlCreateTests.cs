using System.Text;
using System.Text.RegularExpressions;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>kubectl 1.35's create generators, which send protobuf bodies, print what a real cluster makes them print.</summary>
public sealed class KubectlCreateTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Create_namespace()
    {
        var name = "pb-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CreateWithProtobufAsync("create", "namespace", name);
        var listed = await Kubectl.RunAsync("get", "namespace", name);

        Assert.Equal($"namespace/{name} created\n", created);
        Assert.Matches($@"^{name} +Active +\d+s$", listed.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task Create_configmap_from_a_literal()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "configmap", "c", "--from-literal=a=b", "-n", ns);
        var value = await Kubectl.RunAsync("get", "configmap", "c", "-n", ns, "-o", "jsonpath={.data.a}");

        Assert.Equal("configmap/c created\n", created);
        Assert.Equal("b", value.Output);
    }

    [Fact]
    public async Task Create_generic_secret_from_a_literal()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "secret", "generic", "s", "--from-literal=p=q", "-n", ns);
        var listed = await Kubectl.RunAsync("get", "secret", "s", "-n", ns);
        var secret = await sandbox.Client.CoreV1.ReadNamespacedSecretAsync("s", ns);

        Assert.Equal("secret/s created\n", created);
        Assert.Matches(@"^s +Opaque +1 +\d+s$", listed.Output.Split('\n')[1]);
        Assert.Equal("q", Encoding.UTF8.GetString(secret.Data["p"]));
    }

    [Fact]
    public async Task Create_deployment_then_it_rolls_out()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "deployment", "d", "--image=nginx:1.27", "--replicas=2", "-n", ns);
        var status = await Kubectl.RunAsync("rollout", "status", "deployment/d", "-n", ns, "--timeout=60s");
        var listed = await Kubectl.RunAsync("get", "deployment", "d", "-n", ns, "-o", "wide");

        Assert.Equal("deployment.apps/d created\n", created);
        Assert.Equal(0, status.ExitCode);
        Assert.EndsWith("deployment \"d\" successfully rolled out\n", status.Output);
        Assert.Matches(@"^d +2/2 +2 +2 +\d+s +nginx +nginx:1\.27 +app=d$", listed.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task Create_clusterip_service()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "service", "clusterip", "s", "--tcp=80:8080", "-n", ns);
        var listed = await Kubectl.RunAsync("get", "service", "s", "-n", ns);
        var service = await sandbox.Client.CoreV1.ReadNamespacedServiceAsync("s", ns);

        Assert.Equal("service/s created\n", created);
        Assert.Matches(@"^s +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80/TCP +\d+s$", listed.Output.Split('\n')[1]);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(("80-8080", 80, "8080", "TCP"), (port.Name, port.Port, port.TargetPort.Value, port.Protocol));
        Assert.Equal("s", service.Spec.Selector["app"]);
    }

    [Fact]
    public async Task Create_serviceaccount()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "serviceaccount", "robot", "-n", ns);

        var account = await sandbox.Client.CoreV1.ReadNamespacedServiceAccountAsync("robot", ns);
        Assert.Equal("serviceaccount/robot created\n", created);
        Assert.Equal("robot", account.Metadata.Name);
        Assert.Null(account.Metadata.Generation);
    }

    /// <summary>Runs a create command with -v=8, checks that its body went as protobuf and returns what it printed.</summary>
    private async Task<string> CreateWithProtobufAsync(params string[] arguments)
    {
        var result = await Kubectl.RunAsync([.. arguments, "-v=8"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(new Regex(@"verb=""POST""[^\n]*\n(\s+\S[^\n]*\n)*?\s+Content-Type: application/vnd\.kubernetes\.protobuf\n"), result.Error);
        return result.Output;
    }
}
