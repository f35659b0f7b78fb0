using System.Net;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api.Metrics;

/// <summary>
/// /metrics as kube-apiserver serves it: authenticated like every path, requests counted with its labels when they
/// end, watches in the long-running gauge while they are open, and the latency histogram with its buckets.
/// </summary>
public sealed class MetricsEndpointTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Requests = "apiserver_request_total";

    [Fact]
    public async Task Metrics_need_the_token()
    {
        using var anonymous = sandbox.CreateHttpClient(withToken: false);

        await (await anonymous.GetAsync("/metrics")).AssertStatusAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Each_verb_is_counted_with_the_api_servers_labels_and_code()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var before = await MetricsScrape.ReadAsync(sandbox.Http);

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("counted"), ns);
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("dry"), ns, dryRun: "All");
        await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("counted", ns);
        await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps/missing");
        await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns);
        await sandbox.Client.CoreV1.ListConfigMapForAllNamespacesAsync();
        await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.StrategicMergePatch), "counted", ns);
        await sandbox.Http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/counted?fieldManager=metrics-test",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"counted"},"data":{"a":"b"}}""", RequestMetricContentTypes.Apply);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("counted", ns);
        var after = await MetricsScrape.ReadAsync(sandbox.Http);

        double Delta(string verb, string scope, string code, string dryRun = "") =>
            Count(after, verb, scope, code, dryRun) - Count(before, verb, scope, code, dryRun);
        Assert.Equal(1, Delta("POST", "resource", "201"));
        Assert.Equal(1, Delta("POST", "resource", "201", dryRun: "All"));
        Assert.Equal(1, Delta("GET", "resource", "200"));
        Assert.Equal(1, Delta("GET", "resource", "404"));
        Assert.Equal(1, Delta("LIST", "namespace", "200"));
        Assert.Equal(1, Delta("LIST", "cluster", "200"));
        Assert.Equal(1, Delta("PATCH", "resource", "200"));
        Assert.Equal(1, Delta("APPLY", "resource", "200"));
        Assert.Equal(1, Delta("DELETE", "resource", "200"));
        var sample = after.Matching(Requests, ("verb", "LIST"), ("resource", "configmaps"), ("scope", "namespace")).First();
        Assert.Equal(
            ["code", "component", "dry_run", "group", "resource", "scope", "subresource", "verb", "version"],
            sample.Labels.Keys);
        Assert.Equal(("apiserver", "", "v1", ""), (sample.Labels["component"], sample.Labels["group"], sample.Labels["version"], sample.Labels["subresource"]));
    }

    [Fact]
    public async Task Group_version_and_subresource_name_where_a_request_went()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("scaled", replicas: 1), ns);
        var before = await MetricsScrape.ReadAsync(sandbox.Http);

        await sandbox.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("scaled", ns);
        var after = await MetricsScrape.ReadAsync(sandbox.Http);

        var labels = new[] { ("verb", "GET"), ("group", "apps"), ("version", "v1"), ("resource", "deployments"), ("subresource", "scale"), ("scope", "resource"), ("code", "200") };
        Assert.Equal(1, after.Sum(Requests, labels) - before.Sum(Requests, labels));
    }

    [Fact]
    public async Task An_open_watch_is_a_long_running_request_and_is_counted_once_it_ends()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var gauge = new[] { ("verb", "WATCH"), ("resource", "configmaps"), ("scope", "namespace"), ("component", "apiserver") };
        var pinned = new[] { ("verb", "WATCH"), ("resource", "configmaps"), ("scope", "resource") };
        var ended = new[] { ("verb", "WATCH"), ("resource", "configmaps"), ("scope", "namespace"), ("code", "200") };
        var before = await MetricsScrape.ReadAsync(sandbox.Http);

        var whole = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true");
        await using var one = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&fieldSelector=metadata.name%3Dsettings");
        var open = await MetricsScrape.ReadAsync(sandbox.Http);
        await whole.DisposeAsync();
        await sandbox.WaitUntilAsync(async () => (await MetricsScrape.ReadAsync(sandbox.Http)).Sum(Requests, ended) > before.Sum(Requests, ended), "the closed watch is counted");
        var closed = await MetricsScrape.ReadAsync(sandbox.Http);

        Assert.Equal(1, open.Sum("apiserver_longrunning_requests", gauge) - before.Sum("apiserver_longrunning_requests", gauge));
        Assert.Equal(1, open.Sum("apiserver_longrunning_requests", pinned) - before.Sum("apiserver_longrunning_requests", pinned));
        Assert.Equal(0, open.Sum(Requests, ended) - before.Sum(Requests, ended));
        Assert.Equal(before.Sum("apiserver_longrunning_requests", gauge), closed.Sum("apiserver_longrunning_requests", gauge));
        Assert.Equal(1, closed.Sum(Requests, ended) - before.Sum(Requests, ended));
        Assert.DoesNotContain(closed.Matching("apiserver_longrunning_requests"), s => s.Labels.ContainsKey("dry_run") || s.Labels.ContainsKey("code"));
    }

    [Fact]
    public async Task The_latency_histogram_has_the_api_servers_buckets_and_counts_every_request()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.ListNamespacedSecretAsync(ns);
        await sandbox.Client.CoreV1.ListNamespacedSecretAsync(ns);

        var scrape = await MetricsScrape.ReadAsync(sandbox.Http);

        var series = new[] { ("verb", "LIST"), ("resource", "secrets"), ("scope", "namespace"), ("dry_run", "") };
        var buckets = scrape.Matching("apiserver_request_duration_seconds_bucket", series).ToList();
        Assert.Equal(
            ["0.005", "0.025", "0.05", "0.1", "0.2", "0.4", "0.6", "0.8", "1", "1.25", "1.5", "2", "3", "4", "5", "6", "8", "10", "15", "20", "30", "45", "60", "+Inf"],
            buckets.Select(b => b.Labels["le"]));
        Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
        Assert.Equal(scrape.Sum(Requests, series), buckets[^1].Value);
        Assert.Equal(buckets[^1].Value, scrape.Sum("apiserver_request_duration_seconds_count", series));
        Assert.True(scrape.Sum("apiserver_request_duration_seconds_sum", series) > 0);
        Assert.Contains("# TYPE apiserver_request_duration_seconds histogram", scrape.Comments);
        Assert.Contains("# TYPE apiserver_request_total counter", scrape.Comments);
        Assert.Contains("# TYPE apiserver_longrunning_requests gauge", scrape.Comments);
    }

    [Fact]
    public async Task Aggregated_discovery_is_counted_under_its_path_and_requests_without_the_token_are_not()
    {
        var before = await MetricsScrape.ReadAsync(sandbox.Http);
        using var anonymous = sandbox.CreateHttpClient(withToken: false);

        await sandbox.Http.SendAsync(HttpMethod.Get, "/apis", accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        await anonymous.GetAsync("/api/v1/namespaces");
        var after = await MetricsScrape.ReadAsync(sandbox.Http);

        var discovery = new[] { ("verb", "GET"), ("subresource", "apis"), ("scope", ""), ("resource", ""), ("component", "apiserver"), ("code", "200") };
        Assert.Equal(1, after.Sum(Requests, discovery) - before.Sum(Requests, discovery));
        Assert.Equal(0, after.Sum(Requests, ("code", "401")));
    }

    [Fact]
    public async Task Kubectl_reads_the_metrics_through_its_kubeconfig()
    {
        var kubectl = new Kubectl(sandbox.Server.KubeconfigPath, sandbox.Directory);

        var listed = await kubectl.RunAsync("get", "serviceaccounts", "-n", "kube-public");
        var result = await kubectl.RunAsync("get", "--raw", "/metrics");

        Assert.Equal((0, 0), (listed.ExitCode, result.ExitCode));
        var scrape = MetricsScrape.Parse(result.Output);
        Assert.True(scrape.Sum(Requests, ("verb", "LIST"), ("resource", "serviceaccounts"), ("scope", "namespace"), ("code", "200")) >= 1);
    }

    private static double Count(MetricsScrape scrape, string verb, string scope, string code, string dryRun) =>
        scrape.Sum(Requests, ("verb", verb), ("resource", "configmaps"), ("scope", scope), ("code", code), ("dry_run", dryRun), ("group", ""), ("version", "v1"));
}

/// <summary>Content types of the requests these tests send by hand.</summary>
internal static class RequestMetricContentTypes
{
    public const string Apply = "application/apply-patch+yaml";
}
