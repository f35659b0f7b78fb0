using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumes;

/// <summary>
/// PersistentVolumes as the API server prints them: capacity, access modes, reclaim policy, phase, the claim bound
/// (namespace/name), storage class (the beta annotation first), volume attributes class, reason, age; wide: volume mode.
/// </summary>
internal sealed class PersistentVolumePrinter : TablePrinter<V1PersistentVolume>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Capacity", "string", "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"),
        new("Access Modes", "string", "accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes"),
        new("Reclaim Policy", "string", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming"),
        new("Status", "string", "phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase"),
        new("Claim", "string", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding"),
        new("StorageClass", "string", "StorageClass of the pv"),
        new("VolumeAttributesClass", "string", "VolumeAttributesClass of the pv"),
        new("Reason", "string", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
        TableColumn.Age(),
        new("VolumeMode", "string", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.", 1),
    ];

    protected override object?[] Cells(V1PersistentVolume volume, DateTime now)
    {
        var spec = volume.Spec ?? new V1PersistentVolumeSpec();
        var claim = spec.ClaimRef is { } reference ? $"{reference.NamespaceProperty}/{reference.Name}" : string.Empty;
        var capacity = spec.Capacity?.TryGetValue("storage", out var storage) == true ? storage.ToString() : "0";
        var storageClass = volume.Metadata.Annotations?.TryGetValue(PrintFormatting.BetaStorageClassAnnotation, out var annotated) == true
            ? annotated
            : spec.StorageClassName ?? string.Empty;
        return
        [
            volume.Metadata.Name,
            capacity,
            PrintFormatting.AccessModes(spec.AccessModes),
            spec.PersistentVolumeReclaimPolicy ?? string.Empty,
            volume.Metadata.DeletionTimestamp is not null ? "Terminating" : volume.Status?.Phase ?? string.Empty,
            claim,
            storageClass,
            spec.VolumeAttributesClassName ?? "<unset>",
            volume.Status?.Reason ?? string.Empty,
            HumanDuration.Since(volume.Metadata.CreationTimestamp, now),
            spec.VolumeMode ?? "<unset>",
        ];
    }
}
