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

    [Fact]
    public void StringDataIsStoredAsDataAndOverwritesItsKeys()
    {
        var secret = _fixture.Registry.Create(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" },
                Data = new Dictionary<string, byte[]> { ["user"] = "old"u8.ToArray(), ["kept"] = "k"u8.ToArray() },
                StringData = new Dictionary<string, string> { ["user"] = "app", ["password"] = "pw" },
            },
            "kubectl");

        Assert.Null(secret.StringData);
        Assert.Equal(["kept", "password", "user"], secret.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("app", System.Text.Encoding.UTF8.GetString(secret.Data["user"]));
        Assert.Equal("pw", System.Text.Encoding.UTF8.GetString(secret.Data["password"]));
    }

    [Fact]
    public void StringDataCannotChangeAnImmutableSecret()
    {
        _fixture.Registry.Create(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Immutable = true, StringData = new Dictionary<string, string> { ["k"] = "v" } },
            "kubectl");
        var changed = KubeRollout.Sandbox.Storage.ObjectCloner.Clone(_fixture.Registry.Get<V1Secret>("default", "s")!);
        changed.StringData = new Dictionary<string, string> { ["k"] = "other" };

        var error = Assert.ThrowsAny<Exception>(() => _fixture.Registry.Update(changed, "kubectl"));

        Assert.Contains("field is immutable when `immutable` is set", error.Message, StringComparison.Ordinal);
    }
}
