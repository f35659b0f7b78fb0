using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>In a sandbox of its own: it fills the store's event window.</summary>
public sealed class WatchExpiryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_too_old_resourceVersion_ends_the_watch_with_a_410_Expired_error_event()
    {
        var registry = sandbox.Server.Registry;
        var ns = await sandbox.CreateNamespaceAsync();
        // Push the kept event window past version 1 so that it expires.
        for (var i = registry.ResourceVersion; i < ClusterStore.EventWindow + 10; i++)
        {
            registry.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "filler-", NamespaceProperty = ns } }, "test");
        }

        await using var watch = await WatchStream.OpenAsync(sandbox.Http, "/api/v1/configmaps?watch=true&resourceVersion=1");
        var error = await watch.NextAsync(Timeout);

        Assert.Equal("ERROR", (string?)error["type"]);
        var status = error["object"]!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal(410, (int)status["code"]!);
        Assert.Equal("Expired", (string?)status["reason"]);
        Assert.StartsWith("too old resource version: 1", (string?)status["message"]);
        Assert.Null(await watch.NextOrEndAsync(Timeout));
    }

}
