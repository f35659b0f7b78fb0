using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Core.Pods;

/// <summary>Pod validation: the spec is checked on create; later writes come from the kubelet and controllers.</summary>
internal static class PodValidation
{
    public static void Validate(V1Pod pod, V1Pod? old, FieldErrors errors)
    {
        MetadataRules.Validate(pod.Metadata, NameRules.Dns1123Subdomain, errors);
        if (old is null)
        {
            PodSpecRules.Validate(pod.Spec ?? new V1PodSpec(), errors, "spec");
        }
    }
}
