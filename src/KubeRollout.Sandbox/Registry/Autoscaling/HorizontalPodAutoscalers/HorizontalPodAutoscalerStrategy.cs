using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Autoscaling.HorizontalPodAutoscalers;

/// <summary>
/// autoscaling/v2 horizontalpodautoscalers, stored: the sandbox has no metrics, so, as on a cluster without a metrics
/// server, no autoscaler acts and the targets print as &lt;unknown&gt;. Defaults as the API server's: minReplicas 1
/// and, without metrics, CPU at 80% utilization. No generation, as upstream.
/// </summary>
public sealed class HorizontalPodAutoscalerStrategy : ResourceStrategy<V2HorizontalPodAutoscaler>
{
    public static readonly ResourceType Type = new(
        "autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", Namespaced: true, typeof(V2HorizontalPodAutoscaler));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["hpa"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new HorizontalPodAutoscalerPrinter();

    protected override void Default(V2HorizontalPodAutoscaler obj, V2HorizontalPodAutoscaler? old)
    {
        if (obj.Spec is not { } spec)
        {
            return;
        }

        spec.MinReplicas ??= 1;
        if (spec.Metrics is null || spec.Metrics.Count == 0)
        {
            spec.Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource { Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 80 } },
                },
            ];
        }
    }

    protected override void PrepareForCreate(V2HorizontalPodAutoscaler obj) => obj.Status = new V2HorizontalPodAutoscalerStatus { DesiredReplicas = 0 };

    protected override void Validate(V2HorizontalPodAutoscaler obj, V2HorizontalPodAutoscaler? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = obj.Spec ?? new V2HorizontalPodAutoscalerSpec();
        if (string.IsNullOrEmpty(spec.ScaleTargetRef?.Kind))
        {
            errors.Required("spec.scaleTargetRef.kind");
        }

        if (string.IsNullOrEmpty(spec.ScaleTargetRef?.Name))
        {
            errors.Required("spec.scaleTargetRef.name");
        }

        if (spec.MinReplicas is < 1)
        {
            errors.Invalid("spec.minReplicas", GoValue.Int(spec.MinReplicas.Value), "must be greater than or equal to 1");
        }

        if (spec.MaxReplicas < 1)
        {
            errors.Invalid("spec.maxReplicas", GoValue.Int(spec.MaxReplicas), "must be greater than 0");
        }
        else if (spec.MinReplicas is { } min && spec.MaxReplicas < min)
        {
            errors.Invalid("spec.maxReplicas", GoValue.Int(spec.MaxReplicas), "must be greater than or equal to `minReplicas`");
        }
    }
}
