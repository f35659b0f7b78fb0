using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumes;

/// <summary>
/// core/v1 PersistentVolume validation (ValidatePersistentVolumeSpec), the parts manifests get wrong: access modes,
/// a positive storage capacity and nothing else, a known reclaim policy and volume mode, and exactly one volume
/// source, checked in the API's order (a second one is "more than 1 volume type").
/// </summary>
internal static class PersistentVolumeValidation
{
    private static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];
    private static readonly string[] VolumeModes = ["Block", "Filesystem"];

    private static readonly (string Field, Func<V1PersistentVolumeSpec, object?> Source)[] Sources =
    [
        ("hostPath", s => s.HostPath), ("gcePersistentDisk", s => s.GcePersistentDisk), ("awsElasticBlockStore", s => s.AwsElasticBlockStore),
        ("glusterfs", s => s.Glusterfs), ("flocker", s => s.Flocker), ("nfs", s => s.Nfs), ("rbd", s => s.Rbd), ("quobyte", s => s.Quobyte),
        ("cephfs", s => s.Cephfs), ("iscsi", s => s.Iscsi), ("cinder", s => s.Cinder), ("fc", s => s.Fc), ("flexVolume", s => s.FlexVolume),
        ("azureFile", s => s.AzureFile), ("vsphereVolume", s => s.VsphereVolume), ("photonPersistentDisk", s => s.PhotonPersistentDisk),
        ("portworxVolume", s => s.PortworxVolume), ("azureDisk", s => s.AzureDisk), ("scaleIO", s => s.ScaleIO), ("local", s => s.Local),
        ("storageos", s => s.Storageos), ("csi", s => s.Csi),
    ];

    public static void Validate(V1PersistentVolume volume, FieldErrors errors)
    {
        MetadataRules.Validate(volume.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = volume.Spec ?? new V1PersistentVolumeSpec();
        ValidateAccessModes(spec.AccessModes, errors);
        ValidateCapacity(spec.Capacity, errors);
        if (!string.IsNullOrEmpty(spec.StorageClassName))
        {
            foreach (var message in NameRules.Dns1123Subdomain(spec.StorageClassName))
            {
                errors.Invalid("spec.storageClassName", GoValue.Quote(spec.StorageClassName), message);
            }
        }

        if (spec.VolumeMode is { } mode && !VolumeModes.Contains(mode))
        {
            errors.NotSupported("spec.volumeMode", GoValue.Quote(mode), VolumeModes);
        }

        if (spec.PersistentVolumeReclaimPolicy is { } policy && !ReclaimPolicies.Contains(policy))
        {
            errors.NotSupported("spec.persistentVolumeReclaimPolicy", GoValue.Quote(policy), ReclaimPolicies);
        }

        ValidateSource(spec, errors);
    }

    private static void ValidateAccessModes(IList<string>? modes, FieldErrors errors)
    {
        if (modes is not { Count: > 0 })
        {
            errors.Required("spec.accessModes");
            return;
        }

        if (modes.Contains("ReadWriteOncePod") && modes.Count > 1)
        {
            errors.Forbidden("spec.accessModes", "may not use ReadWriteOncePod with other access modes");
        }

        foreach (var mode in modes.Where(m => !AccessModes.Contains(m)))
        {
            errors.NotSupported("spec.accessModes", GoValue.Quote(mode), AccessModes);
        }
    }

    private static void ValidateCapacity(IDictionary<string, ResourceQuantity>? capacity, FieldErrors errors)
    {
        if (capacity is not { Count: > 0 })
        {
            errors.Required("spec.capacity");
        }

        if (capacity?.ContainsKey("storage") != true || capacity.Count > 1)
        {
            var shown = capacity is null
                ? "core.ResourceList(nil)"
                : "core.ResourceList{" + string.Join(", ", capacity.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{GoValue.Quote(c.Key)}:{GoValue.Quote(c.Value?.ToString())}")) + "}";
            errors.NotSupported("spec.capacity", shown, "storage");
        }

        foreach (var (name, quantity) in capacity ?? new Dictionary<string, ResourceQuantity>())
        {
            if (quantity is null || quantity.ToDecimal() <= 0)
            {
                errors.Invalid($"spec.capacity[{name}]", GoValue.Quote(quantity?.ToString() ?? "0"), "must be greater than zero");
            }
        }
    }

    private static void ValidateSource(V1PersistentVolumeSpec spec, FieldErrors errors)
    {
        var given = Sources.Where(s => s.Source(spec) is not null).ToList();
        if (given.Count == 0)
        {
            errors.Required("spec", "must specify a volume type");
            return;
        }

        foreach (var extra in given.Skip(1))
        {
            errors.Forbidden($"spec.{extra.Field}", "may not specify more than 1 volume type");
        }

        switch (given[0].Source(spec))
        {
            case V1HostPathVolumeSource { Path: null or "" }:
                errors.Required("spec.hostPath.path");
                break;
            case V1NFSVolumeSource nfs:
                RequireText(nfs.Server, "spec.nfs.server", errors);
                RequireText(nfs.Path, "spec.nfs.path", errors);
                break;
            case V1LocalVolumeSource local:
                RequireText(local.Path, "spec.local.path", errors);
                if (spec.NodeAffinity is null)
                {
                    errors.Required("spec.nodeAffinity", "Local volume requires node affinity");
                }

                break;
            case V1CSIPersistentVolumeSource csi:
                RequireText(csi.Driver, "spec.csi.driver", errors);
                RequireText(csi.VolumeHandle, "spec.csi.volumeHandle", errors);
                break;
        }
    }

    private static void RequireText(string? value, string path, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Required(path);
        }
    }
}
