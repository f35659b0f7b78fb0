using System.Text;
using System.Text.Json;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Api.Selectors;
using KubeRollout.Sandbox.Api.Validation;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class ParserTests
{
    [Theory]
    [InlineData("/api/v1/namespaces", "namespaces", null, null, null)]
    [InlineData("/api/v1/namespaces/default", "namespaces", null, "default", null)]
    [InlineData("/api/v1/namespaces/default/status", "namespaces", null, "default", "status")]
    [InlineData("/api/v1/namespaces/default/pods", "pods", "default", null, null)]
    [InlineData("/api/v1/namespaces/default/pods/web/status", "pods", "default", "web", "status")]
    [InlineData("/api/v1/pods", "pods", null, null, null)]
    [InlineData("/apis/apps/v1/namespaces/ns1/deployments/vweb/scale", "deployments", "ns1", "vweb", "scale")]
    [InlineData("/api/v1/nodes/node-1", "nodes", null, "node-1", null)]
    public void Resource_urls_are_parsed_like_the_api_servers_request_info(string path, string resource, string? ns, string? name, string? subresource)
    {
        var route = ApiPathParser.Parse(path);

        Assert.Equal(RouteKind.Resource, route.Kind);
        Assert.Equal((resource, ns, name, subresource), (route.Target!.Resource.Plural, route.Target.Namespace, route.Target.Name, route.Target.Subresource));
    }

    [Theory]
    [InlineData("/apis/apps/v1/deployments/vweb")]
    [InlineData("/api/v1/namespaces/default/nodes")]
    [InlineData("/api/v1/namespaces/default/configmaps/x/scale")]
    [InlineData("/api/v1/namespaces/default/pods/a/b/c")]
    [InlineData("/apis/apps/v2/deployments")]
    [InlineData("/")]
    public void Paths_that_address_nothing_are_unknown(string path)
    {
        Assert.Equal(RouteKind.Unknown, ApiPathParser.Parse(path).Kind);
    }

    [Fact]
    public void Set_based_selectors_keep_their_values()
    {
        var query = LabelSelectorParser.Parse("env in (prod, staging),tier notin (db),!legacy,app");

        Assert.True(query.Matches(new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "web", ["app"] = "x" }));
        Assert.False(query.Matches(new Dictionary<string, string> { ["env"] = "dev", ["app"] = "x" }));
        Assert.False(query.Matches(new Dictionary<string, string> { ["env"] = "prod", ["app"] = "x", ["legacy"] = "1" }));
        Assert.False(query.Matches(new Dictionary<string, string> { ["env"] = "prod" }));
    }

    [Fact]
    public void Yaml_scalars_become_json_types_as_kubernetes_reads_them()
    {
        var json = Encoding.UTF8.GetString(YamlToJson.Convert(Encoding.UTF8.GetBytes("""
            replicas: 3
            ratio: 0.5
            paused: false
            name: web
            quoted: "3"
            empty:
            list: [a, 1]
            """)));

        Assert.Equal("""{"replicas":3,"ratio":0.5,"paused":false,"name":"web","quoted":"3","empty":null,"list":["a",1]}""", json);
    }

    [Fact]
    public void Field_validation_skips_maps_and_preserve_unknown_fields_places()
    {
        using var document = JsonDocument.Parse("""
            {"metadata":{"name":"x","labels":{"free":"keys"},"bogus":1},"data":{"anything":{"nested":true}},"revision":1,"extra":2}
            """);

        var problems = FieldValidator.Check(document.RootElement, typeof(k8s.Models.V1ControllerRevision));

        Assert.Equal(["unknown field \"metadata.bogus\"", "unknown field \"extra\""], problems);
    }
}
