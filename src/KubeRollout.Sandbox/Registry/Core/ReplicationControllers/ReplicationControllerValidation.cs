using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.ReplicationControllers;

/// <summary>
/// core/v1 ReplicationController validation (ValidateReplicationControllerSpec): a non-empty equality selector that
/// matches the template's labels, non-negative counts, and a template whose pods restart always.
/// </summary>
internal static class ReplicationControllerValidation
{
    public static void Validate(V1ReplicationController controller, FieldErrors errors)
    {
        MetadataRules.Validate(controller.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = controller.Spec ?? new V1ReplicationControllerSpec();
        WorkloadRules.NonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        if (spec.Selector is not { Count: > 0 })
        {
            errors.Required("spec.selector");
        }
        else
        {
            MetadataRules.Labels(spec.Selector, errors, "spec.selector");
        }

        WorkloadRules.NonNegative(spec.Replicas, "spec.replicas", errors);
        var templateLabels = spec.Template?.Metadata?.Labels;
        if (spec.Template is not null && spec.Selector is { Count: > 0 } selector
            && !selector.All(pair => templateLabels?.TryGetValue(pair.Key, out var value) == true && value == pair.Value))
        {
            errors.Invalid("spec.template.metadata.labels", GoValue.StringMap(templateLabels), "`selector` does not match template `labels`");
        }

        PodSpecRules.ValidateWorkloadTemplate(spec.Template, errors, "spec.template", kind: "ReplicationController");
    }
}
