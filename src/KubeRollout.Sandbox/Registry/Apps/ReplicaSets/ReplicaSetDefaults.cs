using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Apps.ReplicaSets;

/// <summary>apps/v1 ReplicaSet defaults.</summary>
internal static class ReplicaSetDefaults
{
    public static void Apply(V1ReplicaSet replicaSet)
    {
        var spec = replicaSet.Spec ??= new V1ReplicaSetSpec();
        spec.Replicas ??= 1;
        WorkloadDefaults.ApplyTemplate(spec.Template);
    }
}
