using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Validation;

/// <summary>Namespaces, pods and claims: the rules the sandbox's workflows can run into.</summary>
internal static class CoreObjectValidation
{
    public static void ValidateNamespace(V1Namespace ns, FieldErrors errors) =>
        MetadataRules.Validate(ns.Metadata, NameRules.Dns1123Label, errors);

    /// <summary>A pod's spec is checked on create; later writes come from the kubelet and controllers.</summary>
    public static void ValidatePod(V1Pod pod, V1Pod? old, FieldErrors errors)
    {
        MetadataRules.Validate(pod.Metadata, NameRules.Dns1123Subdomain, errors);
        if (old is null)
        {
            PodSpecRules.Validate(pod.Spec ?? new V1PodSpec(), errors, "spec");
        }
    }

    public static void ValidateClaim(V1PersistentVolumeClaim claim, FieldErrors errors)
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
