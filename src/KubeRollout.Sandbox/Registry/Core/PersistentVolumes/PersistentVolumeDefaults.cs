using k8s.Models;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumes;

/// <summary>core/v1 PersistentVolume defaults (SetDefaults_PersistentVolume): Retain, Filesystem, and a Pending phase.</summary>
internal static class PersistentVolumeDefaults
{
    public static void Apply(V1PersistentVolume volume)
    {
        var spec = volume.Spec ??= new V1PersistentVolumeSpec();
        spec.PersistentVolumeReclaimPolicy ??= "Retain";
        spec.VolumeMode ??= "Filesystem";
        if (spec.HostPath is { } hostPath)
        {
            hostPath.Type ??= string.Empty;
        }

        var status = volume.Status ??= new V1PersistentVolumeStatus();
        status.Phase ??= "Pending";
    }
}
