using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.Namespaces;

/// <summary>Namespace termination as the namespace controller runs it: Terminating, content removed, then the namespace.</summary>
public sealed class NamespaceControllerTests
{
    [Fact]
    public async Task A_deleted_namespace_terminates_removes_its_content_and_then_goes()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } }, "test");
        var deployment = Manifests.Deployment("web", replicas: 2);
        deployment.Metadata.NamespaceProperty = "shop";
        cluster.Registry.Create(deployment, "test");
        // Its finalizer holds the namespace in Terminating for as long as the test needs: on a loaded machine the
        // controller could otherwise remove everything before the refused create below is tried.
        cluster.Registry.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = "shop", Finalizers = ["example.com/hold"] } }, "test");
        await cluster.WaitUntilAsync(() => cluster.Registry.List<V1Pod>("shop").Count(p => p.Status?.Phase == "Running") == 2, "the pods run");

        var sawTerminatingPods = false;
        var namespaceGoneWithContentLeft = false;
        V1Namespace? lastState = null;
        void Watch(StoreEvent change)
        {
            if (change.Object is V1Pod { Metadata.NamespaceProperty: "shop" } pod && pod.Metadata.DeletionTimestamp is not null)
            {
                sawTerminatingPods = true;
            }

            if (change.Object is V1Namespace { Metadata.Name: "shop" } ns)
            {
                lastState = ns;
                if (change.Type == WatchEventType.Deleted)
                {
                    namespaceGoneWithContentLeft = ResourceCount(cluster, "shop") > 0;
                }
            }
        }

        cluster.Store.Changed += Watch;
        try
        {
            cluster.Registry.Delete<V1Namespace>(null, "shop");
            var terminating = cluster.Registry.Get<V1Namespace>(null, "shop")!;
            Assert.Equal("Terminating", terminating.Status.Phase);
            Assert.NotNull(terminating.Metadata.DeletionTimestamp);
            Assert.Equal(["kubernetes"], terminating.Spec.Finalizers);
            var refused = Assert.ThrowsAny<StoreException>(() => cluster.Registry.Create(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late", NamespaceProperty = "shop" } }, "test"));
            Assert.Equal(403, refused.Code);
            Assert.Equal("configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated", refused.Message);
            Assert.Equal("NamespaceTerminating", Assert.Single(refused.Details!.Causes).Reason);

            cluster.Modify<V1ConfigMap>("settings", c => c.Metadata.Finalizers = null, "shop");
            await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Namespace>(null, "shop") is null, "the namespace is gone");
        }
        finally
        {
            cluster.Store.Changed -= Watch;
        }

        Assert.True(sawTerminatingPods, "the pods were deleted gracefully");
        Assert.False(namespaceGoneWithContentLeft, "the namespace went before its content");
        Assert.Equal(0, ResourceCount(cluster, "shop"));
        var conditions = lastState!.Status.Conditions.ToDictionary(c => c.Type, c => (c.Status, c.Reason));
        Assert.Equal(("False", "ContentDeleted"), conditions["NamespaceDeletionContentFailure"]);
        Assert.Equal(("False", "ContentRemoved"), conditions["NamespaceContentRemaining"]);
        Assert.Equal(("False", "ResourcesDiscovered"), conditions["NamespaceDeletionDiscoveryFailure"]);
    }

    [Fact]
    public async Task Content_with_a_finalizer_holds_the_namespace_until_the_finalizer_is_removed()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "held" } }, "test");
        cluster.Registry.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "guarded", NamespaceProperty = "held", Finalizers = ["example.com/keep"] } }, "test");

        cluster.Registry.Delete<V1Namespace>(null, "held");
        await cluster.WaitUntilAsync(
            () => cluster.Registry.Get<V1Namespace>(null, "held")?.Status.Conditions?.Any(c => c.Type == "NamespaceFinalizersRemaining" && c.Status == "True") == true,
            "the namespace reports the remaining finalizer");
        var waiting = cluster.Registry.Get<V1Namespace>(null, "held")!;
        cluster.Modify<V1ConfigMap>("guarded", c => c.Metadata.Finalizers = null, "held");

        Assert.Equal(
            "Some finalizers are remaining: example.com/keep in 1 resource instances",
            waiting.Status.Conditions.Single(c => c.Type == "NamespaceFinalizersRemaining").Message);
        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Namespace>(null, "held") is null, "the namespace is gone");
    }

    private static int ResourceCount(TestCluster cluster, string ns) =>
        KubeRollout.Sandbox.Registry.ResourceRegistry.Resources.Where(r => r.Namespaced).Sum(r => cluster.Registry.List(r, ns, null, out _).Count);
}
