using System.Net;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class TableTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Theory]
    [InlineData("/api/v1/namespaces/{ns}/pods", "Name,Ready,Status,Restarts,Age", "IP,Node,Nominated Node,Readiness Gates")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/deployments", "Name,Ready,Up-to-date,Available,Age", "Containers,Images,Selector")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/replicasets", "Name,Desired,Current,Ready,Age", "Containers,Images,Selector")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/statefulsets", "Name,Ready,Age", "Containers,Images")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/daemonsets", "Name,Desired,Current,Ready,Up-to-date,Available,Node Selector,Age", "Containers,Images,Selector")]
    [InlineData("/api/v1/namespaces/{ns}/services", "Name,Type,Cluster-IP,External-IP,Port(s),Age", "Selector")]
    [InlineData("/api/v1/namespaces/{ns}/configmaps", "Name,Data,Age", "")]
    [InlineData("/api/v1/namespaces/{ns}/secrets", "Name,Type,Data,Age", "")]
    [InlineData("/api/v1/namespaces", "Name,Status,Age", "")]
    [InlineData("/api/v1/nodes", "Name,Status,Roles,Age,Version", "Internal-IP,External-IP,OS-Image,Kernel-Version,Container-Runtime")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/controllerrevisions", "Name,Controller,Revision,Age", "")]
    [InlineData("/api/v1/namespaces/{ns}/events", "Last Seen,Type,Reason,Object,Message", "Subobject,Source,First Seen,Count,Name")]
    [InlineData("/api/v1/namespaces/{ns}/persistentvolumeclaims", "Name,Status,Volume,Capacity,Access Modes,StorageClass,VolumeAttributesClass,Age", "VolumeMode")]
    public async Task Tables_have_the_columns_of_the_real_server(string path, string columns, string wideColumns)
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, path.Replace("{ns}", "default"), accept: TableAccept);
        var table = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)table["apiVersion"]);
        var definitions = table["columnDefinitions"]!.AsArray();
        Assert.Equal(columns, string.Join(",", definitions.Where(c => (int)c!["priority"]! == 0).Select(c => (string?)c!["name"])));
        Assert.Equal(wideColumns, string.Join(",", definitions.Where(c => (int)c!["priority"]! == 1).Select(c => (string?)c!["name"])));
    }

    [Fact]
    public async Task Rows_carry_cells_and_partial_object_metadata()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        // Paused, so that the deployment controller creates no ReplicaSet and the counts stay at 0 while we look.
        var deployment = TestObjects.Deployment("vweb", replicas: 2);
        deployment.Spec.Paused = true;
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        var table = await (await sandbox.Http.SendAsync(HttpMethod.Get, $"/apis/apps/v1/namespaces/{ns}/deployments?includeObject=Metadata", accept: TableAccept)).JsonAsync();
        var row = table["rows"]!.AsArray().Single()!;
        var cells = row["cells"]!.AsArray();

        Assert.Equal("vweb", (string?)cells[0]);
        Assert.Equal("0/2", (string?)cells[1]);
        Assert.Equal(0, (int)cells[2]!);
        Assert.Matches("^[0-9]+s$", (string?)cells[4]);
        Assert.Equal("web", (string?)cells[5]);
        Assert.Equal("kiamol/ch09-vweb:v1", (string?)cells[6]);
        Assert.Equal("app=vweb", (string?)cells[7]);
        Assert.Equal("PartialObjectMetadata", (string?)row["object"]!["kind"]);
        Assert.Equal(ns, (string?)row["object"]!["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task A_single_object_can_be_read_as_a_table()
    {
        var table = await (await sandbox.Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default", accept: TableAccept)).JsonAsync();

        Assert.Equal(["default", "Active"], table["rows"]![0]!["cells"]!.AsArray().Take(2).Select(c => (string?)c));
    }

    [Fact]
    public async Task A_table_watch_sends_column_definitions_with_the_first_event_only()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("one"), ns);
        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true", TableAccept);

        var first = await watch.NextAsync(TimeSpan.FromSeconds(10));
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("two"), ns);
        var second = await watch.NextAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Table", (string?)first["object"]!["kind"]);
        Assert.Equal(3, first["object"]!["columnDefinitions"]!.AsArray().Count);
        Assert.Null(second["object"]!["columnDefinitions"]);
        Assert.Equal("two", (string?)second["object"]!["rows"]![0]!["cells"]![0]);
    }

    [Fact]
    public async Task Metadata_only_lists_are_served()
    {
        var list = await (await sandbox.Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces",
            accept: "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io")).JsonAsync();

        Assert.Equal("PartialObjectMetadataList", (string?)list["kind"]);
        Assert.All(list["items"]!.AsArray(), i => Assert.Null(i!["spec"]));
    }

    [Fact]
    public async Task Only_protobuf_is_406()
    {
        var response = await sandbox.Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces", accept: "application/vnd.kubernetes.protobuf");

        await response.AssertStatusAsync(HttpStatusCode.NotAcceptable, "NotAcceptable");
    }
}
