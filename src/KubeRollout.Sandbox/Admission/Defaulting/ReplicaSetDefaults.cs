using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

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
