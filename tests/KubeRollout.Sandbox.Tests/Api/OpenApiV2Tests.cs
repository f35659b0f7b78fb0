using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Requests.Protobuf;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// /openapi/v2 as kubectl and Helm read it when OpenAPI v3 has no answer for a kind: the Swagger 2.0 document as
/// JSON and as gnostic protobuf, so that a manifest with a kind the sandbox does not serve fails with "no matches
/// for kind" instead of "failed to download openapi".
/// </summary>
public sealed class OpenApiV2Tests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string ProtobufAccept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task The_JSON_document_declares_fieldValidation_on_patches_and_resolves_every_reference()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, "/openapi/v2", accept: "application/json");
        var document = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2.0", (string?)document["swagger"]);
        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("patchAppsV1NamespacedDeployment", (string?)patch["operationId"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation" && (string?)p["in"] == "query");
        JsonAssert.Equal("""{"group":"apps","kind":"Deployment","version":"v1"}""", patch["x-kubernetes-group-version-kind"]);
        var definitions = document["definitions"]!.AsObject();
        Assert.Contains(definitions["io.k8s.api.core.v1.ServiceAccount"]!["x-kubernetes-group-version-kind"]!.AsArray(), k => (string?)k!["kind"] == "ServiceAccount");
        var references = References(document).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(definitions.ContainsKey(r["#/definitions/".Length..]), $"{r} is not defined"));
    }

    [Fact]
    public async Task The_protobuf_document_is_the_same_document_as_a_gnostic_message()
    {
        var json = await (await sandbox.Http.SendAsync(HttpMethod.Get, "/openapi/v2")).JsonAsync();
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, "/openapi/v2", accept: $"{ProtobufAccept}, application/json");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", response.Content.Headers.ContentType?.ToString());
        var document = new WireReader(bytes);
        var swagger = string.Empty;
        var paths = new List<string>();
        var definitions = new List<string>();
        while (!document.AtEnd)
        {
            var (number, type) = document.ReadTag();
            switch (number)
            {
                case 1:
                    swagger = Encoding.UTF8.GetString(document.ReadBytes());
                    break;
                case 8:
                    paths.AddRange(Names(document.ReadMessage(), field: 2));
                    break;
                case 9:
                    definitions.AddRange(Names(document.ReadMessage(), field: 1));
                    break;
                default:
                    document.Skip(type);
                    break;
            }
        }

        Assert.Equal("2.0", swagger);
        Assert.Equal(json["paths"]!.AsObject().Select(p => p.Key), paths);
        Assert.Equal(json["definitions"]!.AsObject().Select(d => d.Key), definitions);
    }

    [Fact]
    public async Task An_unacceptable_format_is_406()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, "/openapi/v2", accept: "application/xml");

        await response.AssertStatusAsync(HttpStatusCode.NotAcceptable, "NotAcceptable");
    }

    [Fact]
    public async Task Kubectl_reports_a_kind_the_sandbox_does_not_serve_as_no_matches_and_applies_the_rest()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var manifest = Path.Combine(sandbox.Directory, $"{ns}-mixed.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
            spec:
              limits:
              - type: Container
                default: { cpu: 500m }
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: quota
            spec:
              hard:
                pods: "10"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: served
            data:
              a: b
            """);

        var result = await Kubectl.RunAsync("apply", "-n", ns, "-f", manifest);
        var served = await Kubectl.RunAsync("get", "-n", ns, "configmap", "served", "-o", "name");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("configmap/served created", result.Output);
        Assert.Contains("no matches for kind \"LimitRange\" in version \"v1\"", result.Error);
        Assert.Contains("no matches for kind \"ResourceQuota\" in version \"v1\"", result.Error);
        Assert.DoesNotContain("openapi", result.Error);
        Assert.Equal("configmap/served\n", served.Output);
    }

    private static IEnumerable<string> Names(WireReader map, int field)
    {
        while (!map.AtEnd)
        {
            var (number, type) = map.ReadTag();
            if (number != field)
            {
                map.Skip(type);
                continue;
            }

            var entry = map.ReadMessage();
            var (nameField, _) = entry.ReadTag();
            Assert.Equal(1, nameField);
            yield return Encoding.UTF8.GetString(entry.ReadBytes());
        }
    }

    /// <summary>Every "$ref" of a schema; under "properties" the keys are field names (JSONSchemaProps has one called "$ref").</summary>
    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key switch
        {
            "$ref" when p.Value is JsonValue => [(string)p.Value!],
            "properties" or "definitions" or "paths" when p.Value is JsonObject named => named.SelectMany(n => References(n.Value)),
            _ => References(p.Value),
        }),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
