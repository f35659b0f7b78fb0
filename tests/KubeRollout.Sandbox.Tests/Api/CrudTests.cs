using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class CrudTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Create_get_list_update_and_delete_through_KubernetesClient()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var apps = sandbox.Client.AppsV1;

        var created = await apps.CreateNamespacedDeploymentAsync(TestObjects.Deployment("web"), ns);
        V1Deployment read = null!;
        var updated = await ConflictRetry.ReadModifyWriteAsync(async () =>
        {
            read = await apps.ReadNamespacedDeploymentAsync("web", ns);
            read.Spec.Replicas = 5;
            return await apps.ReplaceNamespacedDeploymentAsync(read, "web", ns);
        });
        var list = await apps.ListNamespacedDeploymentAsync(ns);
        await apps.DeleteNamespacedDeploymentAsync("web", ns);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(5, updated.Spec.Replicas);
        Assert.Equal(2, updated.Metadata.Generation);
        Assert.Equal("web", Assert.Single(list.Items).Metadata.Name);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => apps.ReadNamespacedDeploymentAsync("web", ns));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
    }

    [Fact]
    public async Task A_missing_object_is_404_with_the_servers_message()
    {
        var status = await (await sandbox.Http.GetAsync("/apis/apps/v1/namespaces/default/deployments/nope")).AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");

        Assert.Equal("deployments.apps \"nope\" not found", (string?)status["message"]);
        Assert.Equal("nope", (string?)status["details"]!["name"]);
        Assert.Equal("apps", (string?)status["details"]!["group"]);
        Assert.Equal("deployments", (string?)status["details"]!["kind"]);
    }

    [Fact]
    public async Task Creating_twice_is_409_AlreadyExists()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("twice"), ns);

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", HttpJson.Json(TestObjects.ConfigMap("twice")));

        var status = await response.AssertStatusAsync(HttpStatusCode.Conflict, "AlreadyExists");
        Assert.Equal("configmaps \"twice\" already exists", (string?)status["message"]);
    }

    [Fact]
    public async Task Creating_an_invalid_object_under_a_taken_name_is_422_before_409()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("taken"), ns);
        var invalid = TestObjects.ConfigMap("taken");
        invalid.Data = new Dictionary<string, string> { ["not a key!"] = "x" };

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", HttpJson.Json(invalid));

        await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
    }

    [Fact]
    public async Task Creating_under_the_name_of_an_object_being_deleted_says_so()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var held = TestObjects.ConfigMap("held");
        held.Metadata.Finalizers = ["example.com/hold"];
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(held, ns);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", HttpJson.Json(TestObjects.ConfigMap("held")));

        var status = await response.AssertStatusAsync(HttpStatusCode.Conflict, "AlreadyExists");
        Assert.Equal("object is being deleted: configmaps \"held\" already exists", (string?)status["message"]);
    }

    [Fact]
    public async Task GenerateName_creates_a_unique_name()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var body = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cfg-" } };

        var first = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(body, ns);
        var second = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(body, ns);

        Assert.StartsWith("cfg-", first.Metadata.Name);
        Assert.Equal(9, first.Metadata.Name.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task An_update_with_resourceVersion_0_is_unconditional_as_in_the_API_servers_store()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var map = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("any-version"), ns);
        map.Metadata.ResourceVersion = "0";
        map.Data["key"] = "written anyway";

        var response = await sandbox.Http.SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/any-version", HttpJson.Json(map));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("written anyway", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("any-version", ns)).Data["key"]);
    }

    [Fact]
    public async Task An_update_with_a_stale_resourceVersion_is_409_Conflict()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var original = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("stale"), ns);
        var fresh = await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("stale", ns);
        fresh.Data["key"] = "changed";
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "stale", ns);

        original.Data["key"] = "lost update";
        var response = await sandbox.Http.SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/stale", HttpJson.Json(original));

        var status = await response.AssertStatusAsync(HttpStatusCode.Conflict, "Conflict");
        Assert.Equal(
            "Operation cannot be fulfilled on configmaps \"stale\": the object has been modified; please apply your changes to the latest version and try again",
            (string?)status["message"]);
        Assert.Equal("changed", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("stale", ns)).Data["key"]);
    }

    [Fact]
    public async Task Dry_run_writes_change_nothing()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var before = sandbox.Server.Store.ResourceVersion;

        var created = await sandbox.Http.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?dryRun=All", TestObjects.DeploymentJson("dry", ns));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("dry", (string?)(await created.JsonAsync())["metadata"]!["name"]);
        Assert.Null(sandbox.Server.Registry.Get<k8s.Models.V1Deployment>(ns, "dry"));
        Assert.Equal(before, sandbox.Server.Store.ResourceVersion);

        var existing = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("kept"), ns);
        existing.Data["key"] = "dry";
        var afterCreate = sandbox.Server.Store.ResourceVersion;
        var updated = await sandbox.Http.SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/kept?dryRun=All", HttpJson.Json(existing));
        var deleted = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/kept?dryRun=All");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("dry", (string?)(await updated.JsonAsync())["data"]!["key"]);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("value", (await sandbox.Client.CoreV1.ReadNamespacedConfigMapAsync("kept", ns)).Data["key"]);
        Assert.Equal(afterCreate, sandbox.Server.Store.ResourceVersion);
    }

    [Fact]
    public async Task An_unsupported_dryRun_value_is_422()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?dryRun=Some", HttpJson.Json(TestObjects.ConfigMap("x")));

        var status = await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal("CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: \"Some\": supported values: \"All\"", (string?)status["message"]);
    }

    [Fact]
    public async Task The_namespace_comes_from_the_url_and_a_different_one_is_refused()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var withoutNamespace = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("here"), ns);

        var body = TestObjects.ConfigMap("elsewhere");
        body.Metadata.NamespaceProperty = "default";
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", HttpJson.Json(body));

        Assert.Equal(ns, withoutNamespace.Metadata.NamespaceProperty);
        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", (string?)status["message"]);
    }

    [Fact]
    public async Task A_put_whose_body_names_another_object_is_400()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("a"), ns);

        var response = await sandbox.Http.SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/a", HttpJson.Json(TestObjects.ConfigMap("b")));

        var status = await response.AssertStatusAsync(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("the name of the object (b) does not match the name on the URL (a)", (string?)status["message"]);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/nowhere/configmaps", HttpJson.Json(TestObjects.ConfigMap("x")));

        var status = await response.AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("namespaces \"nowhere\" not found", (string?)status["message"]);
    }

    [Theory]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps/x")]
    [InlineData("PUT", "/api/v1/namespaces/default/configmaps")]
    [InlineData("PATCH", "/api/v1/namespaces/default/configmaps")]
    [InlineData("POST", "/apis/apps/v1/deployments")]
    [InlineData("DELETE", "/apis/apps/v1/namespaces/default/deployments/x/status")]
    public async Task Unsupported_verbs_are_405(string method, string path)
    {
        var response = await sandbox.Http.SendAsync(new HttpMethod(method), path, "{}");

        var status = await response.AssertStatusAsync(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
        Assert.Equal("the server does not allow this method on the requested resource", (string?)status["message"]);
    }

    [Fact]
    public async Task Cluster_scoped_objects_ignore_a_namespace_in_the_body()
    {
        var name = "ns-" + Guid.NewGuid().ToString("N")[..8];
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\"}}";

        var response = await sandbox.Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null((await response.JsonAsync())["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Status_updates_change_only_the_status()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(TestObjects.Deployment("st"), ns);

        // The deployment controller writes the status too: re-read and retry on conflicts as a client must, and
        // judge the write by its response, since the controller soon writes its own status again.
        var response = await ConflictRetry.SendAsync(async () =>
        {
            var current = await sandbox.Client.AppsV1.ReadNamespacedDeploymentStatusAsync("st", ns);
            current.Spec.Replicas = 9;
            current.Status = new V1DeploymentStatus { Replicas = 2, ReadyReplicas = 1, ObservedGeneration = 1 };
            return await sandbox.Http.SendAsync(HttpMethod.Put, $"/apis/apps/v1/namespaces/{ns}/deployments/st/status", HttpJson.Json(current));
        });
        var stored = await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync("st", ns);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var written = await response.JsonAsync();
        Assert.Equal(2, (int)written["spec"]!["replicas"]!);
        Assert.Equal(1, (int)written["status"]!["readyReplicas"]!);
        Assert.Equal(1, (long)written["metadata"]!["generation"]!);
        Assert.Equal(2, stored.Spec.Replicas);
        Assert.Equal(1, stored.Metadata.Generation);
    }

    [Fact]
    public async Task Delete_returns_the_deleted_object_and_checks_preconditions()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("gone"), ns);

        var wrongUid = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/gone",
            """{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"not-the-uid"}}""");
        var badPolicy = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/gone?propagationPolicy=Sometimes");
        var deleted = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/gone",
            "{\"propagationPolicy\":\"Background\",\"preconditions\":{\"uid\":\"" + created.Metadata.Uid + "\"}}");

        await wrongUid.AssertStatusAsync(HttpStatusCode.Conflict, "Conflict");
        await badPolicy.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = await deleted.JsonAsync();
        Assert.Equal("ConfigMap", (string?)body["kind"]);
        Assert.Equal(created.Metadata.Uid, (string?)body["metadata"]!["uid"]);
        await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps/gone")).AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Theory]
    [InlineData("?gracePeriodSeconds=0", null)]
    [InlineData("", """{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0}""")]
    public async Task A_zero_grace_period_deletes_a_running_pod_at_once(string query, string? options)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("now", nodeName: "sandbox-node-1"), ns);

        var response = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/pods/now{query}", options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await (await sandbox.Http.GetAsync($"/api/v1/namespaces/{ns}/pods/now")).AssertStatusAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Deletecollection_deletes_what_the_selector_selects()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("a", new Dictionary<string, string> { ["app"] = "x" }), ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("b", new Dictionary<string, string> { ["app"] = "x" }), ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(TestObjects.Pod("c", new Dictionary<string, string> { ["app"] = "y" }), ns);
        // A pod not yet scheduled is deleted at once, as by the API server: only scheduled ones terminate gracefully.
        await sandbox.WaitUntilAsync(
            async () => (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.All(p => p.Spec.NodeName is not null),
            "the pods are scheduled");

        var response = await sandbox.Http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/pods?labelSelector=app%3Dx");

        // Running pods are deleted gracefully: the response shows them Terminating (deletionTimestamp and the grace
        // period set); they are gone once their kubelet has stopped them.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PodList", (string?)body["kind"]);
        var items = body["items"]!.AsArray().Select(i => i!["metadata"]!).ToList();
        Assert.Equal(["a", "b"], items.Select(m => (string?)m["name"]));
        Assert.All(items, m => Assert.NotNull((string?)m["deletionTimestamp"]));
        Assert.All(items, m => Assert.Equal(30, (long)m["deletionGracePeriodSeconds"]!));
        await sandbox.WaitUntilAsync(
            async () => (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(p => p.Metadata.Name).SequenceEqual(["c"]),
            "only pod c is left");
        Assert.Null((await sandbox.Client.CoreV1.ReadNamespacedPodAsync("c", ns)).Metadata.DeletionTimestamp);
    }
}
