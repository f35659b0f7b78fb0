using k8s.Models;
using KubeRollout.Sandbox.Registry.Batch.Jobs;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>
/// batch/v1 CronJob validation (ValidateCronJobCreate/Update): a schedule cron can parse (its error in the message) and
/// without TZ=, a known time zone, a known concurrency policy, non-negative limits, a name that leaves room for the
/// Jobs' "-&lt;minutes&gt;" suffix, and a job template whose selector the Jobs will generate.
/// </summary>
internal static class CronJobValidation
{
    private static readonly string[] ConcurrencyPolicies = ["Allow", "Forbid", "Replace"];

    public static void Validate(V1CronJob cronJob, V1CronJob? old, FieldErrors errors)
    {
        MetadataRules.Validate(cronJob.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = cronJob.Spec ?? new V1CronJobSpec();
        ValidateSchedule(spec, old?.Spec, errors);
        if (spec.StartingDeadlineSeconds is < 0)
        {
            errors.Invalid("spec.startingDeadlineSeconds", GoValue.Int(spec.StartingDeadlineSeconds.Value), "must be greater than or equal to 0");
        }

        if (old is null || old.Spec?.TimeZone != spec.TimeZone)
        {
            ValidateTimeZone(spec.TimeZone, errors);
        }

        if (string.IsNullOrEmpty(spec.ConcurrencyPolicy))
        {
            errors.Required("spec.concurrencyPolicy");
        }
        else if (!ConcurrencyPolicies.Contains(spec.ConcurrencyPolicy))
        {
            errors.NotSupported("spec.concurrencyPolicy", GoValue.Quote(spec.ConcurrencyPolicy), ConcurrencyPolicies);
        }

        ValidateJobTemplate(spec.JobTemplate, errors);
        WorkloadRules.NonNegative(spec.SuccessfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit", errors);
        WorkloadRules.NonNegative(spec.FailedJobsHistoryLimit, "spec.failedJobsHistoryLimit", errors);
        if (old is null && cronJob.Metadata.Name?.Length > 52)
        {
            errors.Invalid("metadata.name", GoValue.Quote(cronJob.Metadata.Name), "must be no more than 52 characters");
        }
    }

    private static void ValidateSchedule(V1CronJobSpec spec, V1CronJobSpec? old, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(spec.Schedule))
        {
            errors.Required("spec.schedule");
            return;
        }

        if (CronSchedule.Parse(spec.Schedule, out var error) is null)
        {
            errors.Invalid("spec.schedule", GoValue.Quote(spec.Schedule), error);
        }

        var allowedBefore = old?.Schedule?.Contains("TZ", StringComparison.Ordinal) == true;
        if (spec.Schedule.Contains("TZ", StringComparison.Ordinal))
        {
            if (!allowedBefore)
            {
                errors.Invalid("spec.schedule", GoValue.Quote(spec.Schedule), "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
            }
            else if (spec.TimeZone is not null)
            {
                errors.Invalid("spec.schedule", GoValue.Quote(spec.Schedule), "cannot use both timeZone field and TZ or CRON_TZ in schedule");
            }
        }
    }

    private static void ValidateTimeZone(string? timeZone, FieldErrors errors)
    {
        if (timeZone is null)
        {
            return;
        }

        if (timeZone.Length == 0)
        {
            errors.Invalid("spec.timeZone", GoValue.Quote(timeZone), "timeZone must be nil or non-empty string");
        }
        else if (timeZone.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            errors.Invalid("spec.timeZone", GoValue.Quote(timeZone), "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
        }
        else if (!TimeZones.TryFind(timeZone, out _))
        {
            errors.Invalid("spec.timeZone", GoValue.Quote(timeZone), $"unknown time zone {timeZone}");
        }
    }

    private static void ValidateJobTemplate(V1JobTemplateSpec? template, FieldErrors errors)
    {
        var spec = template?.Spec ?? new V1JobSpec();
        JobValidation.ValidateSpec(spec, errors, "spec.jobTemplate.spec");
        if (spec.Selector is not null)
        {
            errors.Invalid("spec.jobTemplate.spec.selector", GoValue.LabelSelector(spec.Selector), "`selector` will be auto-generated");
        }

        if (spec.ManualSelector == true)
        {
            errors.NotSupported("spec.jobTemplate.spec.manualSelector", "true", "nil", "false");
        }
    }
}
