using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.ServiceAccounts;

public sealed class ServiceAccountsControllerTests
{
    [Fact]
    public async Task Every_namespace_gets_a_default_service_account_again_after_it_is_deleted()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, "test");

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1ServiceAccount>("team", "default") is not null, "team has its default service account");
        var first = cluster.Registry.Get<V1ServiceAccount>("team", "default")!;
        cluster.Registry.Delete<V1ServiceAccount>("team", "default");
        await cluster.WaitUntilAsync(
            () => cluster.Registry.Get<V1ServiceAccount>("team", "default") is { } again && again.Metadata.Uid != first.Metadata.Uid,
            "the default service account is created again");

        Assert.NotNull(cluster.Registry.Get<V1ServiceAccount>(TestCluster.Namespace, "default"));
        Assert.Null(first.Metadata.Generation);
        Assert.Null(first.Metadata.ManagedFields);
    }
}
