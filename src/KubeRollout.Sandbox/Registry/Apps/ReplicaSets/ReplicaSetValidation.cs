using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Apps.ReplicaSets;

/// <summary>apps/v1 ReplicaSet validation (the API's empty-selector message says "deployment" here too).</summary>
internal static class ReplicaSetValidation
{
    public static void Validate(V1ReplicaSet replicaSet, V1ReplicaSet? old, FieldErrors errors)
    {
        MetadataRules.Validate(replicaSet.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = replicaSet.Spec ?? new V1ReplicaSetSpec();
        WorkloadRules.NonNegative(spec.Replicas, "spec.replicas", errors);
        WorkloadRules.NonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "deployment", errors);
        PodSpecRules.ValidateWorkloadTemplate(spec.Template, errors, "spec.template");
        if (old is not null)
        {
            WorkloadRules.SelectorImmutable(spec.Selector, old.Spec?.Selector, errors);
        }
    }
}
