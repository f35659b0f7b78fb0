using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Namespaces and their default service account through the real kubectl, as on a cluster.</summary>
public sealed class KubectlNamespaceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task A_new_namespace_gets_the_default_service_account()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.WaitUntilAsync(() => Task.FromResult(sandbox.Server.Registry.Get<V1ServiceAccount>(ns, "default") is not null), "the default service account exists");

        var listed = await Kubectl.RunAsync("get", "-n", ns, "serviceaccounts");
        var byShortName = await Kubectl.RunAsync("get", "-n", ns, "sa", "default", "-o", "jsonpath={.metadata.name} {.metadata.generation}");

        Assert.Equal(0, listed.ExitCode);
        Assert.Matches(@"^NAME\s+SECRETS\s+AGE\ndefault\s+0\s+\d+s\n$", listed.Output);
        Assert.Equal((0, "default "), (byShortName.ExitCode, byShortName.Output));
    }

    [Fact]
    public async Task Deleting_a_namespace_shows_Terminating_refuses_new_content_and_removes_it()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var manifest = TestObjects.ManifestFile(sandbox.Directory, TestObjects.WorkloadYaml("Deployment", "web", replicas: 2));
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", manifest)).ExitCode);
        await sandbox.WaitUntilAsync(
            () => Task.FromResult(sandbox.Server.Registry.List<V1Pod>(ns).Count(p => p.Status?.Phase == "Running") == 2), "the pods run", TimeSpan.FromSeconds(30));

        var deleted = await Kubectl.RunAsync("delete", "namespace", ns, "--wait=false");
        var phase = await Kubectl.RunAsync("get", "namespace", ns, "-o", "jsonpath={.status.phase} {.spec.finalizers} {.metadata.deletionTimestamp}");
        var late = await Kubectl.RunAsync("create", "-n", ns, "configmap", "late");
        var gone = await Kubectl.RunAsync("wait", "--for=delete", $"namespace/{ns}", "--timeout=60s");
        var afterwards = await Kubectl.RunAsync("get", "namespace", ns);

        Assert.Equal((0, $"namespace \"{ns}\" deleted\n"), (deleted.ExitCode, deleted.Output));
        Assert.Matches(@"^Terminating \[""kubernetes""\] \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", phase.Output);
        Assert.Equal(1, late.ExitCode);
        Assert.Contains($"configmaps \"late\" is forbidden: unable to create new content in namespace {ns} because it is being terminated", late.Error);
        Assert.Equal(0, gone.ExitCode);
        Assert.Equal($"Error from server (NotFound): namespaces \"{ns}\" not found\n", afterwards.Error);
    }
}
