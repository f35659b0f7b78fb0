using System.Net;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Bad request bodies are 400 BadRequest Status answers worded like the real server's, never a crash.</summary>
public sealed class RequestBodyTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";

    [Theory]
    [InlineData("{\"apiVersion\": \"apps/v1\", ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"apiVersion\": 42}")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, body);

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.StartsWith("the object provided is unrecognized (must be of type Deployment)", (string?)status["message"]);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.Http.GetAsync("/version")).StatusCode);
    }

    [Fact]
    public async Task Malformed_yaml_is_400()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, "metadata:\n  name: [unclosed\n", "application/yaml");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_yaml_body_is_accepted()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: from-yaml
            data:
              port: "8080"
              enabled: "true"
            """;

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", yaml, "application/yaml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("8080", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("from-yaml", ns)).Data["port"]);
    }

    [Fact]
    public async Task A_body_of_another_kind_is_400()
    {
        var body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}""";

        var status = await (await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, body)).AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a Deployment: converting (v1.ConfigMap) to (apps.Deployment): unknown conversion",
            (string?)status["message"]);
    }

    [Fact]
    public async Task A_body_of_an_unregistered_kind_is_400()
    {
        var body = """{"apiVersion":"apps/v1","kind":"Widget","metadata":{"name":"x"}}""";

        var status = await (await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, body)).AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("Widget in version \"v1\" cannot be handled as a Deployment: no kind \"Widget\" is registered for version \"apps/v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"",
            (string?)status["message"]);
    }

    [Fact]
    public async Task A_body_of_another_api_version_is_400()
    {
        var body = """{"apiVersion":"extensions/v1beta1","kind":"Deployment","metadata":{"name":"x"}}""";

        var status = await (await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, body)).AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Contains("cannot be handled as a Deployment", (string?)status["message"]);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_400_like_gos_decoder()
    {
        var body = TestObjects.DeploymentJson("typed").Replace("\"replicas\":1", "\"replicas\":\"two\"", StringComparison.Ordinal);

        var status = await (await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, body)).AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
            (string?)status["message"]);
    }

    [Fact]
    public async Task Unknown_fields_are_rejected_under_Strict_validation()
    {
        var body = TestObjects.DeploymentJson("strict", extra: ",\"foo\":\"bar\"");

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"{Deployments}?fieldValidation=Strict", body);

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\"", (string?)status["message"]);
    }

    [Fact]
    public async Task Unknown_and_duplicate_fields_are_reported_with_their_paths()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var body = TestObjects.DeploymentJson("paths", ns)
            .Replace("\"image\":\"nginx\"", "\"image\":\"nginx\",\"imagePullPolicyy\":\"Always\"", StringComparison.Ordinal)
            .Replace("\"replicas\":1", "\"replicas\":1,\"replicas\":2", StringComparison.Ordinal);

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?fieldValidation=Strict", body);

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: duplicate field \"spec.replicas\", unknown field \"spec.template.spec.containers[0].imagePullPolicyy\"",
            (string?)status["message"]);
    }

    [Fact]
    public async Task Warn_validation_accepts_the_object_and_sends_warning_headers()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var body = TestObjects.DeploymentJson("warned", ns, extra: ",\"foo\":\"bar\"").Replace("\"replicas\":1", "\"replicas\":1,\"replicas\":3", StringComparison.Ordinal);

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?fieldValidation=Warn", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["299 - \"duplicate field \\\"spec.replicas\\\"\"", "299 - \"unknown field \\\"spec.foo\\\"\""], response.Headers.GetValues("Warning"));
        Assert.Equal(3, (await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("warned", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Ignore_validation_drops_unknown_fields_silently()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var body = TestObjects.DeploymentJson("ignored", ns, extra: ",\"foo\":\"bar\"");

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?fieldValidation=Ignore", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task Maps_and_raw_extensions_accept_any_keys()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var revision = """{"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"r1","labels":{"any.key/x":"y"}},"revision":1,"data":{"spec":{"anything":{"goes":true}}}}""";

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/controllerrevisions?fieldValidation=Strict", revision);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, Deployments, "{}", "text/plain");

        await response.AssertStatusAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var body = "{\"data\":{\"big\":\"" + new string('x', 3 * 1024 * 1024 + 10) + "\"}}";

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", body);

        await response.AssertStatusAsync(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
    }
}
