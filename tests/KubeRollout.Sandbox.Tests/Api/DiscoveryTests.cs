using System.Net;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class DiscoveryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Version_presents_kubernetes_1_35()
    {
        var version = await (await sandbox.Http.GetAsync("/version")).JsonAsync();

        Assert.StartsWith("v1.35.", (string?)version["gitVersion"]);
        Assert.Equal("1", (string?)version["major"]);
        Assert.Equal("35", (string?)version["minor"]);
    }

    [Fact]
    public async Task Version_is_the_build_of_the_installed_kubectl_so_match_server_version_passes()
    {
        var kubectl = new Kubectl(sandbox.Server.KubeconfigPath, sandbox.Directory);
        var client = await kubectl.RunAsync("version", "--client", "-o", "json");
        var server = await (await sandbox.Http.GetAsync("/version")).JsonAsync();

        var matched = await kubectl.RunAsync("get", "namespace", "default", "-o", "name", "--match-server-version");

        var clientVersion = System.Text.Json.Nodes.JsonNode.Parse(client.Output)!["clientVersion"]!;
        Assert.Equal((string?)clientVersion["gitVersion"], (string?)server["gitVersion"]);
        Assert.Equal((string?)clientVersion["gitCommit"], (string?)server["gitCommit"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)server["gitCommit"]);
        Assert.Equal((0, "namespace/default\n"), (matched.ExitCode, matched.Output));
    }

    [Fact]
    public async Task Api_and_apis_list_the_core_version_and_the_named_groups()
    {
        var api = await (await sandbox.Http.GetAsync("/api")).JsonAsync();
        var apis = await (await sandbox.Http.GetAsync("/apis")).JsonAsync();
        var apps = await (await sandbox.Http.GetAsync("/apis/apps")).JsonAsync();

        Assert.Equal("APIVersions", (string?)api["kind"]);
        Assert.Equal(["v1"], api["versions"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("APIGroupList", (string?)apis["kind"]);
        var groups = apis["groups"]!.AsArray();
        // In the API server's order of priority: apps first, then autoscaling, networking, policy, rbac, ….
        Assert.Equal(
            ["apps", "autoscaling", "batch", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "discovery.k8s.io", "apiextensions.k8s.io"],
            groups.Select(g => (string?)g!["name"]));
        Assert.Equal(
            ["apps/v1", "autoscaling/v2", "batch/v1", "networking.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "discovery.k8s.io/v1", "apiextensions.k8s.io/v1"],
            groups.Select(g => (string?)g!["preferredVersion"]!["groupVersion"]));
        Assert.Equal("APIGroup", (string?)apps["kind"]);
    }

    [Fact]
    public async Task Endpoints_and_endpoint_slices_are_served_and_every_endpoints_request_carries_the_deprecation_warning()
    {
        var core = (await (await sandbox.Http.GetAsync("/api/v1")).JsonAsync())["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!);
        var discovery = (await (await sandbox.Http.GetAsync("/apis/discovery.k8s.io/v1")).JsonAsync())["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!);
        using var endpoints = await sandbox.Http.GetAsync("/api/v1/endpoints");
        using var slices = await sandbox.Http.GetAsync("/apis/discovery.k8s.io/v1/endpointslices");

        Assert.Equal(("Endpoints", "endpoints", true), ((string?)core["endpoints"]!["kind"], (string?)core["endpoints"]!["singularName"], (bool)core["endpoints"]!["namespaced"]!));
        Assert.Equal(["ep"], core["endpoints"]!["shortNames"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(("EndpointSlice", "endpointslice"), ((string?)discovery["endpointslices"]!["kind"], (string?)discovery["endpointslices"]!["singularName"]));
        Assert.Equal(System.Net.HttpStatusCode.OK, endpoints.StatusCode);
        Assert.Equal(["299 - \"v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\""], endpoints.Headers.GetValues("Warning"));
        Assert.Equal(System.Net.HttpStatusCode.OK, slices.StatusCode);
        Assert.False(slices.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task Resource_lists_carry_verbs_short_names_categories_and_subresources()
    {
        var apps = await (await sandbox.Http.GetAsync("/apis/apps/v1")).JsonAsync();
        var resources = apps["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!);

        var deployments = resources["deployments"]!;
        Assert.Equal("Deployment", (string?)deployments["kind"]);
        Assert.True((bool)deployments["namespaced"]!);
        Assert.Equal(["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], deployments["verbs"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["deploy"], deployments["shortNames"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["all"], deployments["categories"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("Scale", (string?)resources["deployments/scale"]!["kind"]);
        Assert.Equal("autoscaling", (string?)resources["deployments/scale"]!["group"]);
        Assert.Equal(["get", "patch", "update"], resources["deployments/status"]!["verbs"]!.AsArray().Select(v => (string?)v));

        var core = await (await sandbox.Http.GetAsync("/api/v1")).JsonAsync();
        var nodes = core["resources"]!.AsArray().Single(r => (string?)r!["name"] == "nodes")!;
        Assert.False((bool)nodes["namespaced"]!);
    }

    [Fact]
    public async Task Aggregated_discovery_is_served_when_asked_for_first()
    {
        const string accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, "/apis", accept: accept);
        var list = await response.JsonAsync();

        Assert.Equal("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        Assert.Equal("APIGroupDiscoveryList", (string?)list["kind"]);
        var deployments = list["items"]![0]!["versions"]![0]!["resources"]!.AsArray().Single(r => (string?)r!["resource"] == "deployments")!;
        Assert.Equal("Namespaced", (string?)deployments["scope"]);
        Assert.Equal("Deployment", (string?)deployments["responseKind"]!["kind"]);
        Assert.Contains(deployments["subresources"]!.AsArray(), s => (string?)s!["subresource"] == "scale" && (string?)s["responseKind"]!["group"] == "autoscaling");

        var core = await (await sandbox.Http.SendAsync(HttpMethod.Get, "/api", accept: accept)).JsonAsync();
        Assert.Contains(core["items"]![0]!["versions"]![0]!["resources"]!.AsArray(), r => (string?)r!["resource"] == "pods" && (string?)r["scope"] == "Namespaced");
    }

    [Fact]
    public async Task OpenApi_v3_declares_field_validation_on_patch_operations_and_model_schemas()
    {
        var index = await (await sandbox.Http.GetAsync("/openapi/v3")).JsonAsync();
        var url = (string)index["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!;
        Assert.NotNull(index["paths"]!["api/v1"]);

        var document = await (await sandbox.Http.GetAsync(url)).JsonAsync();
        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("Deployment", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation");

        var schemas = document["components"]!["schemas"]!;
        var deployment = schemas["io.k8s.api.apps.v1.Deployment"]!;
        Assert.Equal("Deployment", (string?)deployment["x-kubernetes-group-version-kind"]![0]!["kind"]);
        Assert.Equal("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec", (string?)deployment["properties"]!["spec"]!["$ref"]);
        var spec = schemas["io.k8s.api.apps.v1.DeploymentSpec"]!["properties"]!;
        Assert.Equal("integer", (string?)spec["replicas"]!["type"]);
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);
        Assert.Equal("object", (string?)schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["labels"]!["type"]);
    }

    [Fact]
    public async Task Unknown_paths_and_resources_are_404_with_the_servers_message()
    {
        foreach (var path in new[] { "/apis/apps/v1/namespaces/default/widgets", "/apis/example.com/v1", "/api/v2", "/healthz/nope", "/openapi/v3/apis/example.com/v1" })
        {
            var status = await (await sandbox.Http.GetAsync(path)).AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
            Assert.Equal("the server could not find the requested resource", (string?)status["message"]);
        }
    }

    [Fact]
    public async Task The_api_speaks_http2_as_kubectl_uses_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/version") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task Writes_to_discovery_are_405()
    {
        await (await sandbox.Http.SendAsync(HttpMethod.Post, "/apis", "{}")).AssertStatusAsync(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task CustomResourceDefinitions_are_served_read_only_and_empty()
    {
        var resources = await (await sandbox.Http.GetAsync("/apis/apiextensions.k8s.io/v1")).JsonAsync();
        var list = await sandbox.Http.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
        var create = await sandbox.Http.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"}}""");
        var delete = await sandbox.Http.SendAsync(HttpMethod.Delete, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");

        var crd = resources["resources"]!.AsArray().Single(r => (string?)r!["name"] == "customresourcedefinitions")!;
        Assert.Equal(["get", "list", "watch"], crd["verbs"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await list.JsonAsync())["items"]!.AsArray());
        await create.AssertStatusAsync(System.Net.HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
        await delete.AssertStatusAsync(System.Net.HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }
}
