using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;

/// <summary>Claims need access modes and a storage request (or a data source).</summary>
internal static class PersistentVolumeClaimValidation
{
    public static void Validate(V1PersistentVolumeClaim claim, FieldErrors errors)
    {
        MetadataRules.Validate(claim.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = claim.Spec ?? new V1PersistentVolumeClaimSpec();
        if (spec.AccessModes is not { Count: > 0 })
        {
            errors.Required("spec.accessModes", "at least 1 access mode is required");
        }

        if (spec.Resources?.Requests?.ContainsKey("storage") != true && spec.DataSource is null && spec.DataSourceRef is null)
        {
            errors.Required("spec.resources[storage]");
        }
    }
}
