using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Pods;

/// <summary>core/v1 pods through the registry.</summary>
public class PodRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Theory]
    [InlineData("""{}""", "BestEffort")]
    [InlineData("""{"requests":{"cpu":"100m"}}""", "Burstable")]
    [InlineData("""{"limits":{"cpu":"100m","memory":"64Mi"}}""", "Guaranteed")]
    [InlineData("""{"limits":{"cpu":"100m","memory":"64Mi"},"requests":{"cpu":"50m"}}""", "Burstable")]
    public void PodsGetStatusPendingAndTheirQosClass(string resources, string qosClass)
    {
        var pod = RegistryFixture.Manifest<V1Pod>("""
            {"metadata":{"name":"p","namespace":"default"},"spec":{"containers":[{"name":"c","image":"nginx","resources":RESOURCES}]}}
            """.Replace("RESOURCES", resources, StringComparison.Ordinal));

        var stored = ModelJson.ToNode(_fixture.Registry.Create(pod, "kubectl"));

        JsonAssert.Equal($$"""{"phase":"Pending","qosClass":"{{qosClass}}"}""", stored["status"]);
        var spec = stored["spec"]!;
        Assert.True((bool)spec["enableServiceLinks"]!);
        Assert.Equal("default", (string?)spec["serviceAccountName"]);
        Assert.Equal(0, (int)spec["priority"]!);
        Assert.Equal(2, spec["tolerations"]!.AsArray().Count);
    }

    [Fact]
    public void APodStartsAtGenerationOneAndCountsChangesOfItsSpecAndItsGracefulDeletion()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Manifest<V1Pod>("""
            {"metadata":{"name":"p","namespace":"default"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}
            """), "kubectl");
        var labelled = RegistryFixture.Copy(created);
        labelled.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        var afterLabel = _fixture.Registry.Update(labelled, "kubectl");
        var bound = _fixture.Registry.Bind(afterLabel, "node-1");
        var deadline = RegistryFixture.Copy(bound);
        deadline.Spec.ActiveDeadlineSeconds = 60;
        var afterSpec = _fixture.Registry.Update(deadline, "kubectl");

        var terminating = (V1Pod)_fixture.Registry.Delete(ResourceOf<V1Pod>.Type, "default", "p", new DeleteRequest());

        Assert.Equal([1L, 1L, 1L, 2L, 3L], new[] { created, afterLabel, bound, afterSpec, terminating }.Select(p => p.Metadata.Generation ?? 0));
        Assert.Equal("node-1", bound.Spec.NodeName);
        Assert.Contains(bound.Status.Conditions, c => c.Type == "PodScheduled" && c.Status == "True");
        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(_fixture.Clock.UtcNow.AddSeconds(30), terminating.Metadata.DeletionTimestamp);
    }

    [Fact]
    public void AGracefulDeletionMayBeShortenedAndEndsAtZero()
    {
        _fixture.Registry.Bind(_fixture.Registry.Create(RegistryFixture.Manifest<V1Pod>("""
            {"metadata":{"name":"p","namespace":"default"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}
            """), "kubectl"), "node-1");
        var pods = ResourceOf<V1Pod>.Type;

        var first = (V1Pod)_fixture.Registry.Delete(pods, "default", "p", new DeleteRequest());
        var longer = (V1Pod)_fixture.Registry.Delete(pods, "default", "p", new DeleteRequest(GracePeriodSeconds: 60));
        var shorter = (V1Pod)_fixture.Registry.Delete(pods, "default", "p", new DeleteRequest(GracePeriodSeconds: 5));
        _fixture.Registry.Delete(pods, "default", "p", new DeleteRequest(GracePeriodSeconds: 0));

        Assert.Equal(30, first.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(first.Metadata.ResourceVersion, longer.Metadata.ResourceVersion);
        Assert.Equal((5L, _fixture.Clock.UtcNow.AddSeconds(5)), (shorter.Metadata.DeletionGracePeriodSeconds!.Value, shorter.Metadata.DeletionTimestamp!.Value));
        Assert.Null(_fixture.Registry.Get<V1Pod>("default", "p"));
    }
}
