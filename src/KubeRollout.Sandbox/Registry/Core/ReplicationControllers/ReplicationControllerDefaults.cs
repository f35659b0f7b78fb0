using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Core.ReplicationControllers;

/// <summary>
/// core/v1 ReplicationController defaults (SetDefaults_ReplicationController): one replica, and a selector and labels
/// taken from the template's labels when the controller has none of its own.
/// </summary>
internal static class ReplicationControllerDefaults
{
    public static void Apply(V1ReplicationController controller)
    {
        var spec = controller.Spec ??= new V1ReplicationControllerSpec();
        if (spec.Template?.Metadata?.Labels is { } labels)
        {
            if (spec.Selector is not { Count: > 0 })
            {
                spec.Selector = new Dictionary<string, string>(labels);
            }

            if (controller.Metadata.Labels is not { Count: > 0 })
            {
                controller.Metadata.Labels = new Dictionary<string, string>(labels);
            }
        }

        spec.Replicas ??= 1;
        WorkloadDefaults.ApplyTemplate(spec.Template);
    }
}
