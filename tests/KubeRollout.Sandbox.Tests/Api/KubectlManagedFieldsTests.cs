using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// managedFields over the wire with the real kubectl: a write that changes only managedFields is stored (how
/// clients migrate from client-side to server-side apply), kubectl's own migration, and shared ownership.
/// </summary>
public sealed class KubectlManagedFieldsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task A_JSON_patch_of_managedFields_with_one_empty_entry_clears_them()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        Assert.Equal(0, (await Kubectl.RunAsync("create", "-n", ns, "configmap", "x", "--from-literal=a=b")).ExitCode);
        var before = await ObjectAsync(ns, "configmap", "x");

        var patched = await Kubectl.RunAsync("patch", "-n", ns, "configmap", "x", "--type=json", "-p", """[{"op":"replace","path":"/metadata/managedFields","value":[{}]}]""");
        var after = await ObjectAsync(ns, "configmap", "x");

        Assert.Equal("kubectl-create", (string?)before["metadata"]!["managedFields"]![0]!["manager"]);
        Assert.Equal((0, "configmap/x patched\n"), (patched.ExitCode, patched.Output));
        Assert.Null(after["metadata"]!["managedFields"]);
        Assert.NotEqual((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Apply_server_side_takes_over_from_client_side_apply_without_conflicts()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var v1 = Manifest("web", "nginx:1.25");
        var v2 = Manifest("web", "nginx:1.26");
        var v3 = Manifest("web", "nginx:1.27");

        var clientSide = await Kubectl.RunAsync("apply", "-n", ns, "-f", v1);
        var serverSide = await Kubectl.RunAsync("apply", "-n", ns, "--server-side", "-f", v2);
        var again = await Kubectl.RunAsync("apply", "-n", ns, "--server-side", "-f", v3);
        var live = await ObjectAsync(ns, "deployment", "web");

        Assert.Equal((0, "deployment.apps/web created\n"), (clientSide.ExitCode, clientSide.Output));
        Assert.Equal((0, "deployment.apps/web serverside-applied\n"), (serverSide.ExitCode, serverSide.Output));
        Assert.Equal((0, "deployment.apps/web serverside-applied\n"), (again.ExitCode, again.Output));
        var managers = live["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["manager"]).ToList();
        Assert.Contains("kubectl", managers);
        Assert.DoesNotContain("kubectl-client-side-apply", managers);
        Assert.Equal("nginx:1.27", (string?)live["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Contains("nginx:1.27", (string?)live["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public async Task Applying_the_live_values_records_a_co_owner_and_a_new_resourceVersion()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var manifest = Manifest("shared", "nginx:1.25");
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "--server-side", "--field-manager=team-a", "-f", manifest)).ExitCode);
        var before = await ObjectAsync(ns, "deployment", "shared");

        var coOwner = await Kubectl.RunAsync("apply", "-n", ns, "--server-side", "--field-manager=team-b", "-f", manifest);
        var after = await ObjectAsync(ns, "deployment", "shared");
        var changed = await Kubectl.RunAsync("apply", "-n", ns, "--server-side", "--field-manager=team-a", "-f", Manifest("shared", "nginx:1.26"));

        Assert.Equal(0, coOwner.ExitCode);
        Assert.NotEqual((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
        Assert.Equal(
            ["team-a", "team-b"],
            after["metadata"]!["managedFields"]!.AsArray().Where(e => (string?)e!["operation"] == "Apply").Select(e => (string?)e!["manager"]).Order(StringComparer.Ordinal));
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("conflict with \"team-b\": .spec.template.spec.containers[name=\"web\"].image", changed.Error);
    }

    private async Task<JsonObject> ObjectAsync(string ns, string kind, string name)
    {
        var result = await Kubectl.RunAsync("get", "-n", ns, kind, name, "-o", "json", "--show-managed-fields");
        Assert.Equal(0, result.ExitCode);
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    private string Manifest(string name, string image) => TestObjects.ManifestFile(sandbox.Directory, TestObjects.WorkloadYaml("Deployment", name, image));
}
