using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Field numbers from k8s.io/api/apps/v1/generated.proto: a Deployment as kubectl create deployment sends it.</summary>
internal static class AppsV1Messages
{
    public static readonly ProtoMessage RollingUpdateDeployment = new("RollingUpdateDeployment",
        IntOrString(1, "maxUnavailable"),
        IntOrString(2, "maxSurge"));

    public static readonly ProtoMessage DeploymentStrategy = new("DeploymentStrategy",
        String(1, "type"),
        Object(2, "rollingUpdate", RollingUpdateDeployment));

    public static readonly ProtoMessage DeploymentSpec = new("DeploymentSpec",
        Int32(1, "replicas", @explicit: true),
        Object(2, "selector", MetaV1Messages.LabelSelector),
        Object(3, "template", CoreV1Messages.PodTemplateSpec),
        Object(4, "strategy", DeploymentStrategy),
        Int32(5, "minReadySeconds"),
        Int32(6, "revisionHistoryLimit", @explicit: true),
        Bool(7, "paused"),
        Int32(9, "progressDeadlineSeconds", @explicit: true));

    public static readonly ProtoMessage Deployment = new("Deployment",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", DeploymentSpec),
        Ignored(3, "status"));
}
