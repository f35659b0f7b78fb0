using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Secrets;

/// <summary>core/v1 secrets through the registry.</summary>
public class SecretRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void ASecretIsOpaqueUnlessItsTypeIsSet()
    {
        var secret = _fixture.Registry.Create(new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" } }, "kubectl");

        Assert.Equal("Opaque", secret.Type);
    }
}
