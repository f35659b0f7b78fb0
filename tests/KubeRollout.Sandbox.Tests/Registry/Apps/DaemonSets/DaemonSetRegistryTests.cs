using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Apps.DaemonSets;

/// <summary>apps/v1 daemonsets through the registry.</summary>
public class DaemonSetRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void DaemonSetDefaults()
    {
        var manifest = RegistryFixture.Manifest<V1DaemonSet>("""
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"nginx","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}
            """);

        var spec = ModelJson.ToNode(_fixture.Registry.Create(manifest, "kubectl"))["spec"]!;

        JsonAssert.Equal("""{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1},"type":"RollingUpdate"}""", spec["updateStrategy"]);
        Assert.Equal(10, (int)spec["revisionHistoryLimit"]!);
    }

    [Theory]
    [InlineData(1, 1, "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero")]
    [InlineData(0, 0, "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0 when maxSurge is 0")]
    public void DaemonSetSurgeOrUnavailable(int maxUnavailable, int maxSurge, string message)
    {
        var ds = RegistryFixture.Manifest<V1DaemonSet>("""
            {"metadata":{"name":"nginx","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}
            """);
        ds.Spec.UpdateStrategy = new V1DaemonSetUpdateStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDaemonSet { MaxUnavailable = maxUnavailable, MaxSurge = maxSurge },
        };

        var error = _fixture.Reject(ds);

        Assert.Equal($"DaemonSet.apps \"nginx\" is invalid: {message}", error.Message);
    }

    [Fact]
    public void OnlyChangesOfTheSpecBumpTheGeneration()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Manifest<V1DaemonSet>("""
            {"metadata":{"name":"proxy","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"proxy"}},"template":{"metadata":{"labels":{"app":"proxy"}},"spec":{"containers":[{"name":"p","image":"nginx"}]}}}}
            """), "kubectl");
        var annotated = RegistryFixture.Copy(created);
        annotated.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };
        var afterAnnotation = _fixture.Registry.Update(annotated, "kubectl");
        var changed = RegistryFixture.Copy(afterAnnotation);
        changed.Spec.Template.Spec.Containers[0].Image = "nginx:1.27";
        var afterTemplate = _fixture.Registry.Update(changed, "kubectl");

        Assert.Equal([1L, 1L, 2L], new[] { created, afterAnnotation, afterTemplate }.Select(s => s.Metadata.Generation ?? 0));
    }
}
