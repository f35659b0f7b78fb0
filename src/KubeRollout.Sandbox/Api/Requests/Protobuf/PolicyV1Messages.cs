using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Field numbers from k8s.io/api/policy/v1/generated.proto: a PodDisruptionBudget as kubectl create pdb sends it.</summary>
internal static class PolicyV1Messages
{
    public static readonly ProtoMessage PodDisruptionBudgetSpec = new("PodDisruptionBudgetSpec",
        IntOrString(1, "minAvailable"),
        Object(2, "selector", MetaV1Messages.LabelSelector),
        IntOrString(3, "maxUnavailable"),
        String(4, "unhealthyPodEvictionPolicy", @explicit: true));

    public static readonly ProtoMessage PodDisruptionBudget = new("PodDisruptionBudget",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", PodDisruptionBudgetSpec),
        Ignored(3, "status"));
}
