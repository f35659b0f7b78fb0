using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Batch.Jobs;

/// <summary>
/// batch/v1 Job validation (pkg/apis/batch/validation), the parts manifests get wrong: a restart policy of
/// OnFailure or Never, non-negative counts, a selector that was generated (unless spec.manualSelector) and matches
/// the template, and a template and selector that do not change.
/// </summary>
internal static class JobValidation
{
    public static void Validate(V1Job job, V1Job? old, FieldErrors errors)
    {
        MetadataRules.Validate(job.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = job.Spec ?? new V1JobSpec();
        WorkloadRules.NonNegative(spec.Parallelism, "spec.parallelism", errors);
        WorkloadRules.NonNegative(spec.Completions, "spec.completions", errors);
        WorkloadRules.NonNegative(spec.BackoffLimit, "spec.backoffLimit", errors);
        if (spec.ActiveDeadlineSeconds is <= 0)
        {
            errors.Invalid("spec.activeDeadlineSeconds", GoValue.Int(spec.ActiveDeadlineSeconds.Value), "must be greater than 0");
        }

        if (spec.ManualSelector != true && spec.Selector is { } selector && !IsGenerated(selector, job.Metadata.Uid))
        {
            errors.Invalid("spec.selector", GoValue.LabelSelector(spec.Selector), "`selector` not auto-generated");
        }

        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "job", errors);
        if (spec.Template?.Spec is { } podSpec)
        {
            MetadataRules.ValidateLabelsAndAnnotations(spec.Template.Metadata, errors, "spec.template.metadata");
            PodSpecRules.Validate(podSpec, errors, "spec.template.spec");
            if (podSpec.RestartPolicy is not ("OnFailure" or "Never"))
            {
                errors.NotSupported("spec.template.spec.restartPolicy", GoValue.Quote(podSpec.RestartPolicy), "OnFailure", "Never");
            }
        }
        else
        {
            errors.Required("spec.template.spec.containers");
        }

        if (old is not null)
        {
            WorkloadRules.SelectorImmutable(spec.Selector, old.Spec?.Selector, errors);
            if (ModelJson.Serialize(spec.Template ?? new V1PodTemplateSpec()) != ModelJson.Serialize(old.Spec?.Template ?? new V1PodTemplateSpec()))
            {
                errors.Invalid("spec.template", "core.PodTemplateSpec{…}", "field is immutable");
            }

            if (spec.Completions != old.Spec?.Completions)
            {
                errors.Invalid("spec.completions", spec.Completions is { } c ? GoValue.Int(c) : "null", "field is immutable");
            }
        }
    }

    /// <summary>Exactly the selector the API server generates: the job's uid, nothing else.</summary>
    private static bool IsGenerated(V1LabelSelector selector, string? uid) =>
        (selector.MatchExpressions?.Count ?? 0) == 0
        && selector.MatchLabels is { Count: 1 } labels
        && labels.TryGetValue(JobStrategy.ControllerUidLabel, out var selected) && selected == uid;
}
