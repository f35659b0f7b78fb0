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
        if (spec.ManualSelector != true && spec.Selector is { } selector && !IsGenerated(selector, job.Metadata.Uid))
        {
            errors.Invalid("spec.selector", GoValue.LabelSelector(spec.Selector), "`selector` not auto-generated");
        }

        ValidateSpec(spec, errors, "spec");
        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "job", errors);
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

    /// <summary>
    /// The rules of a job spec wherever one occurs (a Job's, a CronJob's job template): non-negative counts, a
    /// positive deadline, and a valid pod template that restarts OnFailure or Never.
    /// </summary>
    public static void ValidateSpec(V1JobSpec spec, FieldErrors errors, string path)
    {
        WorkloadRules.NonNegative(spec.Parallelism, $"{path}.parallelism", errors);
        WorkloadRules.NonNegative(spec.Completions, $"{path}.completions", errors);
        WorkloadRules.NonNegative(spec.BackoffLimit, $"{path}.backoffLimit", errors);
        if (spec.ActiveDeadlineSeconds is <= 0)
        {
            errors.Invalid($"{path}.activeDeadlineSeconds", GoValue.Int(spec.ActiveDeadlineSeconds.Value), "must be greater than 0");
        }

        if (spec.Template?.Spec is { } podSpec)
        {
            MetadataRules.ValidateLabelsAndAnnotations(spec.Template.Metadata, errors, $"{path}.template.metadata");
            PodSpecRules.Validate(podSpec, errors, $"{path}.template.spec");
            if (podSpec.RestartPolicy is not ("OnFailure" or "Never"))
            {
                errors.NotSupported($"{path}.template.spec.restartPolicy", GoValue.Quote(podSpec.RestartPolicy), "OnFailure", "Never");
            }
        }
        else
        {
            errors.Required($"{path}.template.spec.containers");
        }
    }

    /// <summary>Exactly the selector the API server generates: the job's uid, nothing else.</summary>
    private static bool IsGenerated(V1LabelSelector selector, string? uid) =>
        (selector.MatchExpressions?.Count ?? 0) == 0
        && selector.MatchLabels is { Count: 1 } labels
        && labels.TryGetValue(JobStrategy.ControllerUidLabel, out var selected) && selected == uid;
}
