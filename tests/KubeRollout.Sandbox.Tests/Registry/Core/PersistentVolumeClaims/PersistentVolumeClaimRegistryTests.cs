using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Registry.Core.PersistentVolumeClaims;

/// <summary>core/v1 persistentvolumeclaims through the registry.</summary>
public class PersistentVolumeClaimRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void AClaimIsAFilesystemAndPendingUntilBound()
    {
        var claim = _fixture.Registry.Create(
            RegistryFixture.Manifest<V1PersistentVolumeClaim>("""
                {"metadata":{"name":"data","namespace":"default"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}
                """),
            "kubectl");

        Assert.Equal("Filesystem", claim.Spec.VolumeMode);
        Assert.Equal("Pending", claim.Status.Phase);
        Assert.Null(claim.Metadata.Generation);
    }
}
