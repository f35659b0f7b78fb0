using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;

/// <summary>PersistentVolumeClaim defaults (also of StatefulSet claim templates): a claim is Pending until bound.</summary>
internal static class PersistentVolumeClaimDefaults
{
    public static void Apply(V1PersistentVolumeClaim claim)
    {
        var spec = claim.Spec ??= new V1PersistentVolumeClaimSpec();
        spec.VolumeMode ??= "Filesystem";
        var status = claim.Status ??= new V1PersistentVolumeClaimStatus();
        status.Phase ??= "Pending";
    }
}
