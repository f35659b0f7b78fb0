using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Batch.Jobs;

/// <summary>
/// Jobs as the API server prints them: status (from the conditions), completions (succeeded/completions, or
/// "n/1 of p" for a work queue), duration (start to completion, or to now), age; wide: containers, images, selector.
/// </summary>
internal sealed class JobPrinter : TablePrinter<V1Job>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Status", "string", "Status of the job."),
        new("Completions", "string", "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs."),
        new("Duration", "string", "Time required to complete the job."),
        TableColumn.Age(),
        TableColumn.Containers(),
        TableColumn.Images(),
        new("Selector", "string", "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
    ];

    protected override object?[] Cells(V1Job job, DateTime now)
    {
        var spec = job.Spec ?? new V1JobSpec();
        var succeeded = job.Status?.Succeeded ?? 0;
        var completions = spec.Completions is { } wanted ? $"{succeeded}/{wanted}"
            : spec.Parallelism is > 1 ? $"{succeeded}/1 of {spec.Parallelism}"
            : $"{succeeded}/1";
        var duration = job.Status?.StartTime is not { } start ? string.Empty
            : HumanDuration.Format((job.Status.CompletionTime ?? now) - start);
        var (names, images) = PrintFormatting.Containers(spec.Template?.Spec?.Containers);
        return
        [
            job.Metadata.Name,
            Status(job),
            completions,
            duration,
            HumanDuration.Since(job.Metadata.CreationTimestamp, now),
            names,
            images,
            PrintFormatting.LabelSelector(spec.Selector),
        ];
    }

    private static string Status(V1Job job)
    {
        bool Has(string type) => job.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;
        return Has("Complete") ? "Complete"
            : Has("Failed") ? "Failed"
            : job.Metadata.DeletionTimestamp is not null ? "Terminating"
            : Has("Suspended") ? "Suspended"
            : Has("FailureTarget") ? "FailureTarget"
            : Has("SuccessCriteriaMet") ? "SuccessCriteriaMet"
            : "Running";
    }
}
