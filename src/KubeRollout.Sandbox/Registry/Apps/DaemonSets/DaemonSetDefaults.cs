using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Apps.DaemonSets;

/// <summary>apps/v1 DaemonSet defaults.</summary>
internal static class DaemonSetDefaults
{
    public static void Apply(V1DaemonSet daemonSet)
    {
        var spec = daemonSet.Spec ??= new V1DaemonSetSpec();
        var strategy = spec.UpdateStrategy ??= new V1DaemonSetUpdateStrategy();
        strategy.Type ??= "RollingUpdate";
        if (strategy.Type == "RollingUpdate")
        {
            var rollingUpdate = strategy.RollingUpdate ??= new V1RollingUpdateDaemonSet();
            rollingUpdate.MaxUnavailable ??= 1;
            rollingUpdate.MaxSurge ??= 0;
        }

        spec.RevisionHistoryLimit ??= 10;
        WorkloadDefaults.ApplyTemplate(spec.Template);
    }
}
