using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;

internal sealed class PersistentVolumeClaimPrinter : TablePrinter<V1PersistentVolumeClaim>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Status", "string", "phase represents the current phase of PersistentVolumeClaim."),
        new("Volume", "string", "volumeName is the binding reference to the PersistentVolume backing this claim."),
        new("Capacity", "string", "capacity represents the actual resources of the underlying volume."),
        new("Access Modes", "string", "accessModes contains the actual access modes the volume backing the PVC has."),
        new("StorageClass", "string", "StorageClass of the pvc"),
        new("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
        TableColumn.Age(),
        new("VolumeMode", "string", "volumeMode defines what type of volume is required by the claim.", 1),
    ];

    protected override object?[] Cells(V1PersistentVolumeClaim claim, DateTime now)
    {
        var spec = claim.Spec ?? new V1PersistentVolumeClaimSpec();
        var phase = claim.Metadata.DeletionTimestamp is not null ? "Terminating" : claim.Status?.Phase ?? string.Empty;
        var bound = !string.IsNullOrEmpty(spec.VolumeName);
        var capacity = bound && claim.Status?.Capacity?.TryGetValue("storage", out var storage) == true ? storage.ToString() : string.Empty;
        var storageClass = spec.StorageClassName
            ?? (claim.Metadata.Annotations?.TryGetValue(PrintFormatting.BetaStorageClassAnnotation, out var annotated) == true ? annotated : string.Empty);
        return
        [
            claim.Metadata.Name,
            phase,
            spec.VolumeName ?? string.Empty,
            capacity,
            bound ? PrintFormatting.AccessModes(claim.Status?.AccessModes) : string.Empty,
            storageClass,
            spec.VolumeAttributesClassName ?? "<unset>",
            HumanDuration.Since(claim.Metadata.CreationTimestamp, now),
            spec.VolumeMode ?? "<unset>",
        ];
    }
}
