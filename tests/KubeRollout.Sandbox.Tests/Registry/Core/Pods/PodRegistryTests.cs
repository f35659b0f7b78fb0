using k8s.Models;
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
}
