using System.Net;
using System.Text;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// The requests of issue 14 that killed the sandbox or got a 500: each is now the API server's answer, a Status
/// (400 BadRequest, 413 RequestEntityTooLarge), and the sandbox answers the next request.
/// </summary>
public sealed class RequestBoundsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    public static TheoryData<string, string> HostileYaml => new()
    {
        { new string('[', 50_000), "exceeded max depth of 256" },
        { "x: " + string.Concat(Enumerable.Repeat("{a: ", 30_000)), "exceeded max depth of 256" },
        { string.Concat(Enumerable.Repeat("- ", 20_000)) + "x", "exceeded max depth of 256" },
        { AliasBomb(), "document contains excessive aliasing" },
        { "a: &a [*a]", "anchor 'a' value contains itself" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {a: *nowhere}}\n", "unknown anchor 'nowhere' referenced" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"\\ud800\"\n", "found invalid Unicode surrogates" },
    };

    [Theory]
    [MemberData(nameof(HostileYaml))]
    public async Task Hostile_yaml_bodies_are_400_as_yaml_and_as_apply_patches(string yaml, string reason)
    {
        foreach (var (method, url, type) in new[]
        {
            (HttpMethod.Post, ConfigMaps, "application/yaml"),
            (HttpMethod.Patch, ConfigMaps + "/x?fieldManager=test", "application/apply-patch+yaml"),
        })
        {
            using var response = await sandbox.Http.SendAsync(method, url, yaml, type);

            var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
            Assert.Contains(reason, (string?)status["message"]);
        }

        Assert.Equal(HttpStatusCode.OK, (await sandbox.Http.GetAsync("/version")).StatusCode);
    }

    [Fact]
    public async Task An_alias_that_expands_past_the_bound_is_413_and_a_few_aliases_are_fine()
    {
        var wide = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aliased}\ndata:\n  base: &b \"").Append('x', 100_000).Append("\"\n");
        for (var i = 0; i < 200; i++)
        {
            wide.Append("  k").Append(i).Append(": *b\n");
        }

        using var tooLarge = await sandbox.Http.SendAsync(HttpMethod.Post, ConfigMaps, wide.ToString(), "application/yaml");
        await tooLarge.AssertStatusAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");

        var ns = await sandbox.CreateNamespaceAsync();
        using var fine = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aliased, labels: &l {app: web}, annotations: *l}\n", "application/yaml");
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        Assert.Equal("web", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("aliased", ns)).Metadata.Annotations["app"]);
    }

    [Fact]
    public async Task A_body_over_3_MiB_is_413()
    {
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}";

        using var response = await sandbox.Http.SendAsync(HttpMethod.Post, ConfigMaps, body);

        var status = await response.AssertStatusAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        Assert.Equal("Request entity too large: limit is 3145728", (string?)status["message"]);
    }

    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("[")]
    public async Task Json_nested_deeper_than_the_bound_is_400(string opener)
    {
        var closer = opener == "[" ? "]" : "}";
        var body = string.Concat(Enumerable.Repeat(opener, 20_000)) + (opener == "[" ? string.Empty : "1") + string.Concat(Enumerable.Repeat(closer, 20_000));

        using var response = await sandbox.Http.SendAsync(HttpMethod.Post, ConfigMaps, body);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/strategic-merge-patch+json")]
    public async Task A_lone_surrogate_in_a_label_is_read_as_go_reads_it(string patchType)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("surrogate"), ns);

        using var response = await sandbox.Http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/surrogate",
            """{"metadata":{"annotations":{"note":"a\ud800b"}}}""", patchType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a\ufffdb", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("surrogate", ns)).Metadata.Annotations["note"]);
    }

    [Fact]
    public async Task Unknown_fields_nested_deeper_than_the_decoder_reads_are_dropped_with_a_warning()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("deep"), ns);
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        using var response = await sandbox.Http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/deep",
            "{\"extra\":" + deep + ",\"data\":{\"k\":\"v\"}}", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("unknown field \\\"extra\\\"", string.Join(" ", response.Headers.GetValues("Warning")));
        Assert.Equal("v", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("deep", ns)).Data["k"]);
    }

    [Fact]
    public async Task A_timestamp_that_is_no_time_is_400()
    {
        using var response = await sandbox.Http.SendAsync(HttpMethod.Post, ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"when","creationTimestamp":"a.b.c"}}""");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append($"a{level}: &a{level} [").AppendJoin(',', Enumerable.Repeat($"*a{level - 1}", 9)).Append("]\n");
        }

        return yaml.ToString();
    }
}
