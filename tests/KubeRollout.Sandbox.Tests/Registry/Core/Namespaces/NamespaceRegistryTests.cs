using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Namespaces;

/// <summary>core/v1 namespaces through the registry.</summary>
public class NamespaceRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void NamespaceNamesAreLabels()
    {
        var error = _fixture.Reject(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol.ch09" } });

        Assert.StartsWith("Namespace \"kiamol.ch09\" is invalid: metadata.name: Invalid value: \"kiamol.ch09\": a lowercase RFC 1123 label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANamespaceIsActiveWithItsNameLabelAndTheKubernetesFinalizer()
    {
        var ns = ModelJson.ToNode(_fixture.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol" } }, "kubectl"));

        JsonAssert.Equal("""{"kubernetes.io/metadata.name":"kiamol"}""", ns["metadata"]!["labels"]);
        JsonAssert.Equal("""{"finalizers":["kubernetes"]}""", ns["spec"]);
        JsonAssert.Equal("""{"phase":"Active"}""", ns["status"]);
    }
}
