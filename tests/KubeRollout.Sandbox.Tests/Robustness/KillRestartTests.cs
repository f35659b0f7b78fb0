using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Tests.Hosting;

namespace KubeRollout.Sandbox.Tests.Robustness;

/// <summary>
/// kill -9 and a restart in the same folder lose nothing that was acknowledged: objects come back as they were
/// (uid, data, resourceVersion), deletions stay deleted, versions go on upwards, a watch from a version before the
/// restart is 410 Expired, and the controllers and the kubelet carry on with the pods they had. --fresh starts empty.
/// </summary>
public sealed class KillRestartTests : IDisposable
{
    private const int Cycles = 4;
    private const string Namespace = "keep";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Acknowledged_writes_survive_every_kill_and_restart()
    {
        var expected = new Dictionary<string, JsonObject>(); // configmap name → what the server acknowledged
        var deleted = new List<string>();
        var newestSeen = 0L;
        Dictionary<string, string>? runningPods = null; // pod name → uid, Running before the kill

        var sandbox = await SandboxProcess.StartAsync(_directory, "--fresh");
        try
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(sandbox, "/api/v1/namespaces", $$$"""{"metadata":{"name":"{{{Namespace}}}"}}""")).Code);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(sandbox, $"/apis/apps/v1/namespaces/{Namespace}/deployments", Deployment)).Code);
            for (var cycle = 0; cycle < Cycles; cycle++)
            {
                // Writes of every verb, each acknowledged before the kill.
                var name = "cm-" + cycle.ToString(CultureInfo.InvariantCulture);
                var created = await PostAsync(sandbox, $"/api/v1/namespaces/{Namespace}/configmaps",
                    $$$"""{"metadata":{"name":"{{{name}}}"},"data":{"cycle":"{{{cycle}}}"}}""");
                Assert.Equal(HttpStatusCode.Created, created.Code);
                var patched = await SendAsync(sandbox, HttpMethod.Patch, $"/api/v1/namespaces/{Namespace}/configmaps/{name}",
                    """{"data":{"patched":"yes"}}""", "application/merge-patch+json");
                Assert.Equal(HttpStatusCode.OK, patched.Code);
                expected[name] = patched.Body;
                if (cycle >= 2)
                {
                    var gone = "cm-" + (cycle - 2).ToString(CultureInfo.InvariantCulture);
                    Assert.Equal(HttpStatusCode.OK, (await SendAsync(sandbox, HttpMethod.Delete, $"/api/v1/namespaces/{Namespace}/configmaps/{gone}", null, null)).Code);
                    expected.Remove(gone);
                    deleted.Add(gone);
                }

                newestSeen = Math.Max(newestSeen, Version(patched.Body));
                runningPods = await RunningPodsAsync(sandbox);

                await sandbox.KillAsync();
                await sandbox.DisposeAsync();
                sandbox = await SandboxProcess.StartAsync(_directory);

                foreach (var (cm, acknowledged) in expected)
                {
                    var read = await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/namespaces/{Namespace}/configmaps/{cm}", null, null);
                    Assert.Equal(HttpStatusCode.OK, read.Code);
                    Assert.Equal((string?)acknowledged["metadata"]!["uid"], (string?)read.Body["metadata"]!["uid"]);
                    Assert.Equal((string?)acknowledged["metadata"]!["resourceVersion"], (string?)read.Body["metadata"]!["resourceVersion"]);
                    Assert.Equal(acknowledged["data"]!.ToJsonString(), read.Body["data"]!.ToJsonString());
                }

                foreach (var cm in deleted)
                {
                    Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/namespaces/{Namespace}/configmaps/{cm}", null, null)).Code);
                }

                // Versions go on upwards, and a watch from before the restart must re-list.
                var list = await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/namespaces/{Namespace}/configmaps", null, null);
                Assert.True(Version(list.Body) > newestSeen, $"list version {Version(list.Body)} after {newestSeen}");
                var expiry = await FirstWatchLineAsync(sandbox, $"/api/v1/namespaces/{Namespace}/configmaps?watch=1&resourceVersion={newestSeen}");
                Assert.Equal("ERROR", (string?)expiry["type"]);
                Assert.Equal(410, (int?)expiry["object"]!["code"]);

                // The pods that ran before the kill are the same pods (not replaced) and run again.
                var podsAfter = await RunningPodsAsync(sandbox);
                Assert.True(runningPods.Count >= 2, "the deployment had no running pods before the kill");
                Assert.Equal(runningPods.OrderBy(p => p.Key), podsAfter.Where(p => runningPods.ContainsKey(p.Key)).OrderBy(p => p.Key));
            }
        }
        finally
        {
            await sandbox.DisposeAsync();
        }

        await using var fresh = await SandboxProcess.StartAsync(_directory, "--fresh");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(fresh, HttpMethod.Get, $"/api/v1/namespaces/{Namespace}", null, null)).Code);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
        """;

    private static long Version(JsonObject obj) => long.Parse((string)obj["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture);

    /// <summary>The deployment's pods once two of them run and are ready.</summary>
    private static async Task<Dictionary<string, string>> RunningPodsAsync(SandboxProcess sandbox)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var pods = (await SendAsync(sandbox, HttpMethod.Get, $"/api/v1/namespaces/{Namespace}/pods", null, null)).Body["items"]!.AsArray()
                .Select(p => p!.AsObject())
                .Where(p => (string?)p["status"]?["phase"] == "Running"
                    && p["status"]?["conditions"]?.AsArray().Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True") == true)
                .ToDictionary(p => (string)p["metadata"]!["name"]!, p => (string)p["metadata"]!["uid"]!);
            if (pods.Count >= 2 || DateTime.UtcNow > deadline)
            {
                return pods;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonObject> FirstWatchLineAsync(SandboxProcess sandbox, string url)
    {
        using var response = await sandbox.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return JsonNode.Parse((await reader.ReadLineAsync(timeout.Token))!)!.AsObject();
    }

    private static Task<(HttpStatusCode Code, JsonObject Body)> PostAsync(SandboxProcess sandbox, string url, string body) =>
        SendAsync(sandbox, HttpMethod.Post, url, body, "application/json");

    private static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(SandboxProcess sandbox, HttpMethod method, string url, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType!);
        }

        using var response = await sandbox.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
