using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Defaulting;

/// <summary>Defaults of the pod template every workload carries (and of the StatefulSet claim templates).</summary>
internal static class WorkloadDefaults
{
    public static void ApplyTemplate(V1PodTemplateSpec? template) => PodSpecDefaults.Apply(template?.Spec);
}
