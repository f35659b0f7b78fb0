using System.Globalization;
using System.Net;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// Patches without a resourceVersion precondition are retried by the server until they apply, as GuaranteedUpdate
/// does: however many writers race on one object (and the controllers with them), no client sees 409 Conflict and
/// no patch is lost. A patch that pins a resourceVersion still gets its 409.
/// </summary>
public sealed class ConcurrentPatchTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const int Writers = 20;

    [Fact]
    public async Task Twenty_concurrent_kubectl_patches_of_a_reconciled_deployment_all_apply()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("busy", replicas: 3), ns);
        var kubectl = new Kubectl(sandbox.Server.KubeconfigPath, sandbox.Directory);

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            var outcomes = new List<Kubectl.Result>();
            for (var round = 0; round < 3; round++)
            {
                outcomes.Add(await kubectl.RunAsync("patch", "deployment", "busy", "-n", ns, "--type", round == 1 ? "merge" : "strategic", "-p",
                    "{\"metadata\":{\"annotations\":{\"writer-" + writer + "-" + round + "\":\"x\"}},\"spec\":{\"replicas\":" + (1 + ((writer + round) % 4)) + "}}"));
            }

            return outcomes;
        }));

        var failed = results.SelectMany(r => r).Where(r => r.ExitCode != 0).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(f => f.Error)));
        var annotations = (await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("busy", ns)).Metadata.Annotations;
        Assert.Equal(Writers * 3, annotations.Keys.Count(k => k.StartsWith("writer-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Eight_hundred_racing_http_patches_see_no_conflict_and_none_is_lost()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("shared"), ns);
        var url = $"/api/v1/namespaces/{ns}/configmaps/shared";
        string[] types = ["application/strategic-merge-patch+json", "application/merge-patch+json", "application/json-patch+json"];

        var codes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            var seen = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
            {
                var key = $"w{writer}-{i.ToString(CultureInfo.InvariantCulture)}";
                var type = types[(writer + i) % types.Length];
                var body = type == types[2]
                    ? $$"""[{"op":"add","path":"/data/{{key}}","value":"v"}]"""
                    : "{\"data\":{\"" + key + "\":\"v\"}}";
                using var response = await sandbox.Http.SendAsync(HttpMethod.Patch, url, body, type);
                seen.Add(response.StatusCode);
            }

            return seen;
        }));

        Assert.All(codes.SelectMany(c => c), code => Assert.Equal(HttpStatusCode.OK, code));
        var data = (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("shared", ns)).Data;
        Assert.Equal(Writers * 40, data.Keys.Count(k => k.StartsWith('w')));
    }

    [Fact]
    public async Task A_patch_that_pins_an_old_resource_version_is_still_a_conflict()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("pinned"), ns);
        await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"moved":"on"}}""", V1Patch.PatchType.MergePatch), "pinned", ns);

        using var response = await sandbox.Http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/pinned",
            "{\"metadata\":{\"resourceVersion\":\"" + created.Metadata.ResourceVersion + "\"},\"data\":{\"late\":\"x\"}}", "application/merge-patch+json");

        await response.AssertStatusAsync(HttpStatusCode.Conflict, "Conflict");
    }
}
