using System.Net;
using System.Net.Http.Headers;
using k8s;
using KubeRollout.Sandbox.Api.Protobuf;

namespace KubeRollout.Sandbox.Tests.Api.Protobuf;

/// <summary>Protobuf request bodies over HTTP: decoded, then handled exactly like JSON bodies.</summary>
public sealed class ProtobufRequestTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_protobuf_deployment_is_created_defaulted_and_answered_in_json()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", d => d
            .Message(1, meta => meta.String(1, "pb").Entry(11, "app", "pb"))
            .Message(2, spec => spec
                .Varint(1, 1)
                .Message(2, selector => selector.Entry(1, "app", "pb"))
                .Message(3, template => template
                    .Message(1, meta => meta.Entry(11, "app", "pb"))
                    .Message(2, pod => pod.Message(2, container => container.String(1, "web").String(2, "nginx:1.27"))))));

        var response = await SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?fieldValidation=Strict", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var created = await response.JsonAsync();
        Assert.Equal("pb", (string?)created["metadata"]!["name"]);
        Assert.Equal("RollingUpdate", (string?)created["spec"]!["strategy"]!["type"]);
        var stored = await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("pb", ns);
        Assert.Equal("nginx:1.27", Assert.Single(stored.Spec.Template.Spec.Containers).Image);
    }

    [Fact]
    public async Task A_protobuf_update_replaces_the_object()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var existing = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("pb"), ns);
        var body = ProtoWriter.Envelope("v1", "ConfigMap", c => c
            .Message(1, meta => meta.String(1, "pb").String(6, existing.Metadata.ResourceVersion))
            .Entry(2, "key", "from protobuf"));

        var response = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/pb", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from protobuf", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("pb", ns)).Data["key"]);
    }

    [Fact]
    public async Task Protobuf_delete_options_with_a_zero_grace_period_remove_a_running_pod_at_once()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("p", nodeName: "sandbox-node-1"), ns);
        var body = ProtoWriter.Envelope("v1", "DeleteOptions", o => o.Varint(1, 0));

        var response = await SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/pods/p", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/pods/p")).AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task A_body_that_is_not_protobuf_is_400()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{}"u8.ToArray());

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("provided data does not appear to be a protobuf message", (string?)status["message"]);
    }

    [Fact]
    public async Task A_kind_of_another_endpoint_is_refused_in_the_servers_words()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, meta => meta.String(1, "x")));

        var response = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", body);

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("Namespace in version \"v1\" cannot be handled as a ConfigMap: converting (v1.Namespace) to (core.ConfigMap): unknown conversion", (string?)status["message"]);
    }

    [Fact]
    public async Task A_served_kind_the_sandbox_has_no_table_for_is_415()
    {
        var body = ProtoWriter.Envelope("apps/v1", "ReplicaSet", r => r.Message(1, meta => meta.String(1, "rs")));

        var response = await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/replicasets", body);

        await response.AssertStatusAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[] body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.kubernetes.protobuf, application/json");
        return await sandbox.Http.SendAsync(request);
    }
}
