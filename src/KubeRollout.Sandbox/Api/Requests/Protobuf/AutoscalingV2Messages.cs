using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Field numbers from k8s.io/api/autoscaling/v2/generated.proto: a HorizontalPodAutoscaler as kubectl autoscale sends it.</summary>
internal static class AutoscalingV2Messages
{
    public static readonly ProtoMessage CrossVersionObjectReference = new("CrossVersionObjectReference",
        String(1, "kind"),
        String(2, "name"),
        String(3, "apiVersion"));

    public static readonly ProtoMessage MetricTarget = new("MetricTarget",
        String(1, "type"),
        Quantity(2, "value"),
        Quantity(3, "averageValue"),
        Int32(4, "averageUtilization", @explicit: true));

    public static readonly ProtoMessage MetricIdentifier = new("MetricIdentifier",
        String(1, "name"),
        Object(2, "selector", MetaV1Messages.LabelSelector));

    public static readonly ProtoMessage ObjectMetricSource = new("ObjectMetricSource",
        Object(1, "describedObject", CrossVersionObjectReference),
        Object(2, "target", MetricTarget),
        Object(3, "metric", MetricIdentifier));

    public static readonly ProtoMessage PodsMetricSource = new("PodsMetricSource",
        Object(1, "metric", MetricIdentifier),
        Object(2, "target", MetricTarget));

    public static readonly ProtoMessage ResourceMetricSource = new("ResourceMetricSource",
        String(1, "name"),
        Object(2, "target", MetricTarget));

    public static readonly ProtoMessage ExternalMetricSource = new("ExternalMetricSource",
        Object(1, "metric", MetricIdentifier),
        Object(2, "target", MetricTarget));

    public static readonly ProtoMessage ContainerResourceMetricSource = new("ContainerResourceMetricSource",
        String(1, "name"),
        Object(2, "target", MetricTarget),
        String(3, "container"));

    public static readonly ProtoMessage MetricSpec = new("MetricSpec",
        String(1, "type"),
        Object(2, "object", ObjectMetricSource),
        Object(3, "pods", PodsMetricSource),
        Object(4, "resource", ResourceMetricSource),
        Object(5, "external", ExternalMetricSource),
        Object(7, "containerResource", ContainerResourceMetricSource));

    public static readonly ProtoMessage HPAScalingPolicy = new("HPAScalingPolicy",
        String(1, "type"),
        Int32(2, "value"),
        Int32(3, "periodSeconds"));

    public static readonly ProtoMessage HPAScalingRules = new("HPAScalingRules",
        String(1, "selectPolicy", @explicit: true),
        Objects(2, "policies", HPAScalingPolicy),
        Int32(3, "stabilizationWindowSeconds", @explicit: true));

    public static readonly ProtoMessage HorizontalPodAutoscalerBehavior = new("HorizontalPodAutoscalerBehavior",
        Object(1, "scaleUp", HPAScalingRules),
        Object(2, "scaleDown", HPAScalingRules));

    public static readonly ProtoMessage HorizontalPodAutoscalerSpec = new("HorizontalPodAutoscalerSpec",
        Object(1, "scaleTargetRef", CrossVersionObjectReference),
        Int32(2, "minReplicas", @explicit: true),
        Int32(3, "maxReplicas"),
        Objects(4, "metrics", MetricSpec),
        Object(5, "behavior", HorizontalPodAutoscalerBehavior));

    public static readonly ProtoMessage HorizontalPodAutoscaler = new("HorizontalPodAutoscaler",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", HorizontalPodAutoscalerSpec),
        Ignored(3, "status"));
}
