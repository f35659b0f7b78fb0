using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Registry.Apps.ReplicaSets;

/// <summary>apps/v1 replicasets through the registry.</summary>
public class ReplicaSetRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void OnlyChangesOfTheSpecBumpTheGeneration()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Manifest<V1ReplicaSet>("""
            {"metadata":{"name":"web-1","namespace":"default"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """), "kube-controller-manager");
        var annotated = RegistryFixture.Copy(created);
        annotated.Metadata.Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = "2" };
        var afterAnnotation = _fixture.Registry.Update(annotated, "kube-controller-manager");
        var scaled = RegistryFixture.Copy(afterAnnotation);
        scaled.Spec.Replicas = 3;
        var afterScale = _fixture.Registry.Update(scaled, "kube-controller-manager");

        Assert.Equal([1L, 1L, 2L], new[] { created, afterAnnotation, afterScale }.Select(r => r.Metadata.Generation ?? 0));
    }
}
