using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>PersistentVolumeClaim defaults; a new claim is Pending until the controllers bind it.</summary>
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
