using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Registry;

/// <summary>Kinds whose registry strategies keep no metadata.generation (only workloads and pods have one).</summary>
public class GenerationTests
{
    private readonly RegistryFixture _fixture = new();

    public static TheoryData<IKubernetesObject<V1ObjectMeta>> KindsWithoutGeneration() =>
    [
        new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["k"] = "v" } },
        new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" } },
        new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } },
        new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "robot", NamespaceProperty = "default" } },
        new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] } },
        new V1ControllerRevision { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "default" }, Revision = 1 },
        new V1Endpoints { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" } },
    ];

    [Theory]
    [MemberData(nameof(KindsWithoutGeneration))]
    public void CreatesAndUpdatesOfKindsWithoutAGenerationSetNone(IKubernetesObject<V1ObjectMeta> obj)
    {
        var resource = ResourceRegistry.ForModel(obj.GetType());
        var created = _fixture.Registry.Create(resource, obj, new WriteRequest("kubectl"));
        var changed = ObjectCloner.Clone(created);
        changed.Metadata.Labels = new Dictionary<string, string> { ["changed"] = "yes" };
        var updated = _fixture.Registry.Update(resource, changed, null, new WriteRequest("kubectl"));

        Assert.Null(created.Metadata.Generation);
        Assert.Null(updated.Metadata.Generation);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
    }
}
