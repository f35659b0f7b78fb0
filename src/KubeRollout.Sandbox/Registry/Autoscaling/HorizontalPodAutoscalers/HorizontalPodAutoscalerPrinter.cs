using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Autoscaling.HorizontalPodAutoscalers;

/// <summary>
/// Autoscalers as the API server prints them: the target (Kind/name), the metrics as current/target (two at most,
/// &lt;unknown&gt; where no current value was measured), min and max pods, current replicas, age.
/// </summary>
internal sealed class HorizontalPodAutoscalerPrinter : TablePrinter<V2HorizontalPodAutoscaler>
{
    private const int MaxMetrics = 2;
    private const string Unknown = "<unknown>";

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Reference", "string", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
        new("Targets", "string", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used)."),
        new("MinPods", "string", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down."),
        new("MaxPods", "string", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
        new("Replicas", "string", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V2HorizontalPodAutoscaler autoscaler, DateTime now)
    {
        var spec = autoscaler.Spec ?? new V2HorizontalPodAutoscalerSpec();
        return
        [
            autoscaler.Metadata.Name,
            $"{spec.ScaleTargetRef?.Kind}/{spec.ScaleTargetRef?.Name}",
            Targets(spec.Metrics ?? [], autoscaler.Status?.CurrentMetrics ?? []),
            spec.MinReplicas is { } min ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<unset>",
            (long)spec.MaxReplicas,
            (long)(autoscaler.Status?.CurrentReplicas ?? 0),
            HumanDuration.Since(autoscaler.Metadata.CreationTimestamp, now),
        ];
    }

    private static string Targets(IList<V2MetricSpec> metrics, IList<V2MetricStatus> statuses)
    {
        if (metrics.Count == 0)
        {
            return "<none>";
        }

        var shown = metrics.Select((metric, i) => Target(metric, i < statuses.Count ? statuses[i] : null)).Take(MaxMetrics);
        var text = string.Join(", ", shown);
        return metrics.Count > MaxMetrics ? $"{text} + {metrics.Count - MaxMetrics} more..." : text;
    }

    private static string Target(V2MetricSpec metric, V2MetricStatus? status) => metric.Type switch
    {
        "Resource" when metric.Resource?.Target?.AverageValue is { } value =>
            $"{metric.Resource.Name}: {status?.Resource?.Current?.AverageValue?.ToString() ?? Unknown}/{value}",
        "Resource" => $"{metric.Resource?.Name}: {Percent(status?.Resource?.Current?.AverageUtilization)}/{Percent(metric.Resource?.Target?.AverageUtilization, "<auto>")}",
        "ContainerResource" when metric.ContainerResource?.Target?.AverageValue is { } value =>
            $"{metric.ContainerResource.Name}: {status?.ContainerResource?.Current?.AverageValue?.ToString() ?? Unknown}/{value}",
        "ContainerResource" =>
            $"{metric.ContainerResource?.Name}: {Percent(status?.ContainerResource?.Current?.AverageUtilization)}/{Percent(metric.ContainerResource?.Target?.AverageUtilization, "<auto>")}",
        "Pods" => $"{status?.Pods?.Current?.AverageValue?.ToString() ?? Unknown}/{metric.Pods?.Target?.AverageValue}",
        "Object" when metric.ObjectProperty?.Target?.AverageValue is { } value => $"{status?.ObjectProperty?.Current?.AverageValue?.ToString() ?? Unknown}/{value} (avg)",
        "Object" => $"{status?.ObjectProperty?.Current?.Value?.ToString() ?? Unknown}/{metric.ObjectProperty?.Target?.Value}",
        "External" when metric.External?.Target?.AverageValue is { } value => $"{status?.External?.Current?.AverageValue?.ToString() ?? Unknown}/{value} (avg)",
        "External" => $"{status?.External?.Current?.Value?.ToString() ?? Unknown}/{metric.External?.Target?.Value}",
        _ => "<unknown type>",
    };

    private static string Percent(int? value, string absent = Unknown) =>
        value is { } percent ? $"{percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}%" : absent;
}
