using System.Net;
using System.Text.Json.Nodes;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// List and watch options as the API server decodes and validates them: what does not parse is 400, forbidden
/// combinations are 422, and limit/continue page a list in key order with a continue token of the server's format.
/// </summary>
public sealed class ListOptionsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("limit=abc", 400, "strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("limit=99999999999999999999", 400, "strconv.ParseInt: parsing \"99999999999999999999\": value out of range")]
    [InlineData("continue=garbage", 400, "invalid continue token: continue key is not valid")]
    [InlineData("continue=eyJ2IjoieCJ9", 400, "invalid continue token: continue key is not valid: server does not recognize this encoded version \"x\"")]
    [InlineData("resourceVersion=bogus&resourceVersionMatch=NotOlderThan", 400, "invalid resource version: resourceVersion: Invalid value: \"bogus\"")]
    [InlineData("resourceVersion=bogus", 400, "invalid resource version")]
    [InlineData("resourceVersionMatch=NotOlderThan", 422, "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided")]
    [InlineData("resourceVersion=0&resourceVersionMatch=Exact", 422, "resourceVersionMatch \\\"exact\\\" is forbidden for resourceVersion \\\"0\\\"")]
    [InlineData("resourceVersion=1&resourceVersionMatch=Sideways", 422, "Unsupported value: \"Sideways\"")]
    [InlineData("limit=1&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJhIn0&resourceVersion=5", 400, "specifying resource version is not allowed when using continue")]
    [InlineData("watch=1&timeoutSeconds=abc", 400, "strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("watch=1&resourceVersion=bogus", 400, "invalid resource version")]
    public async Task Options_that_do_not_parse_or_go_together_are_refused(string query, int code, string message)
    {
        using var response = await sandbox.Http.GetAsync("/api/v1/namespaces/default/configmaps?" + query);

        var status = await response.AssertStatusAsync((HttpStatusCode)code, code == 400 ? "BadRequest" : "Invalid");
        Assert.Contains(message.Replace("\\\"", "\"", StringComparison.Ordinal), (string?)status["message"]);
    }

    [Fact]
    public async Task A_version_newer_than_the_store_is_a_timeout_to_retry()
    {
        using var response = await sandbox.Http.GetAsync("/api/v1/namespaces/default/configmaps?resourceVersion=999999999999&resourceVersionMatch=NotOlderThan");

        var status = await response.AssertStatusAsync(HttpStatusCode.GatewayTimeout, "Timeout");
        Assert.StartsWith("Too large resource version: 999999999999, current: ", (string?)status["message"]);
    }

    [Fact]
    public async Task Limit_and_continue_page_a_list_in_key_order_until_it_is_complete()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        foreach (var name in new[] { "e", "a", "d", "b", "c" })
        {
            await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap(name), ns);
        }

        var names = new List<string>();
        var versions = new HashSet<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?limit=2" + (next is null ? string.Empty : "&continue=" + next))).JsonAsync();
            pages++;
            names.AddRange(page["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
            versions.Add((string)page["metadata"]!["resourceVersion"]!);
            next = (string?)page["metadata"]!["continue"];
            if (next is not null)
            {
                Assert.Equal(5 - names.Count, (long?)page["metadata"]!["remainingItemCount"]);
                var token = JsonNode.Parse(Convert.FromBase64String(next.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (next.Length % 4)) % 4)))!;
                Assert.Equal("meta.k8s.io/v1", (string?)token["v"]);
            }
        }
        while (next is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
        Assert.Single(versions); // every page reports the version of the first
    }

    [Fact]
    public async Task An_exact_version_is_listed_while_nothing_changed_since_and_is_expired_after()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("exact"), ns);
        var first = await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).JsonAsync();
        var version = (string)first["metadata"]!["resourceVersion"]!;
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new k8s.Models.V1Secret { Metadata = new() { Name = "elsewhere" } }, ns);

        var same = await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?resourceVersion={version}&resourceVersionMatch=Exact")).JsonAsync();
        Assert.Equal(version, (string?)same["metadata"]!["resourceVersion"]);
        Assert.Single(same["items"]!.AsArray());

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("later"), ns);
        using var expired = await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?resourceVersion={version}&resourceVersionMatch=Exact");
        await expired.AssertStatusAsync(HttpStatusCode.Gone, "Expired");
    }

    [Fact]
    public async Task A_watch_with_an_enormous_timeout_streams_until_the_client_leaves()
    {
        using var response = await sandbox.Http.GetAsync("/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=99999999999", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
