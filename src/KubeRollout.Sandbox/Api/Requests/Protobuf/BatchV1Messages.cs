using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Field numbers from k8s.io/api/batch/v1/generated.proto: a Job as kubectl create job sends it (also from a CronJob's
/// template) and a CronJob as kubectl create cronjob sends it. Pod failure and success policies are not in the table.
/// </summary>
internal static class BatchV1Messages
{
    public static readonly ProtoMessage JobSpec = new("JobSpec",
        Int32(1, "parallelism", @explicit: true),
        Int32(2, "completions", @explicit: true),
        Int64(3, "activeDeadlineSeconds", @explicit: true),
        Object(4, "selector", MetaV1Messages.LabelSelector),
        Bool(5, "manualSelector", @explicit: true),
        Object(6, "template", CoreV1Messages.PodTemplateSpec),
        Int32(7, "backoffLimit", @explicit: true),
        Int32(8, "ttlSecondsAfterFinished", @explicit: true),
        String(9, "completionMode", @explicit: true),
        Bool(10, "suspend", @explicit: true),
        Int32(12, "backoffLimitPerIndex", @explicit: true),
        Int32(13, "maxFailedIndexes", @explicit: true),
        String(14, "podReplacementPolicy", @explicit: true),
        String(15, "managedBy", @explicit: true));

    public static readonly ProtoMessage Job = new("Job",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", JobSpec),
        Ignored(3, "status"));

    public static readonly ProtoMessage JobTemplateSpec = new("JobTemplateSpec",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", JobSpec));

    public static readonly ProtoMessage CronJobSpec = new("CronJobSpec",
        String(1, "schedule"),
        Int64(2, "startingDeadlineSeconds", @explicit: true),
        String(3, "concurrencyPolicy"),
        Bool(4, "suspend", @explicit: true),
        Object(5, "jobTemplate", JobTemplateSpec),
        Int32(6, "successfulJobsHistoryLimit", @explicit: true),
        Int32(7, "failedJobsHistoryLimit", @explicit: true),
        String(8, "timeZone", @explicit: true));

    public static readonly ProtoMessage CronJob = new("CronJob",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", CronJobSpec),
        Ignored(3, "status"));
}
