using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>
/// CronJobs as the API server prints them: schedule, time zone, suspend, active Jobs, last schedule (an age), age;
/// wide: the job template's containers, images and selector.
/// </summary>
internal sealed class CronJobPrinter : TablePrinter<V1CronJob>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Schedule", "string", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
        new("Timezone", "string", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones"),
        new("Suspend", "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions. Defaults to false."),
        new("Active", "integer", "A list of pointers to currently running jobs."),
        new("Last Schedule", "string", "Information when was the last time the job was successfully scheduled."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
    ];

    protected override object?[] Cells(V1CronJob cronJob, DateTime now)
    {
        var spec = cronJob.Spec ?? new V1CronJobSpec();
        var (names, images) = PrintFormatting.Containers(spec.JobTemplate?.Spec?.Template?.Spec?.Containers);
        return
        [
            cronJob.Metadata.Name,
            spec.Schedule,
            spec.TimeZone ?? "<none>",
            spec.Suspend switch { null => "<unset>", true => "True", false => "False" },
            (long)(cronJob.Status?.Active?.Count ?? 0),
            cronJob.Status?.LastScheduleTime is { } last ? HumanDuration.Since(last, now) : "<none>",
            HumanDuration.Since(cronJob.Metadata.CreationTimestamp, now),
            names,
            images,
            PrintFormatting.LabelSelector(spec.JobTemplate?.Spec?.Selector),
        ];
    }
}
