using k8s.Models;
using KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Apps.StatefulSets;

/// <summary>apps/v1 StatefulSet defaults, including the claim templates (each a PersistentVolumeClaim with its defaults).</summary>
internal static class StatefulSetDefaults
{
    public static void Apply(V1StatefulSet statefulSet)
    {
        var spec = statefulSet.Spec ??= new V1StatefulSetSpec();
        spec.Replicas ??= 1;
        spec.PodManagementPolicy ??= "OrderedReady";
        var strategy = spec.UpdateStrategy ??= new V1StatefulSetUpdateStrategy();
        strategy.Type ??= "RollingUpdate";
        if (strategy.Type == "RollingUpdate")
        {
            var rollingUpdate = strategy.RollingUpdate ??= new V1RollingUpdateStatefulSetStrategy();
            rollingUpdate.Partition ??= 0;
        }

        spec.RevisionHistoryLimit ??= 10;
        var retention = spec.PersistentVolumeClaimRetentionPolicy ??= new V1StatefulSetPersistentVolumeClaimRetentionPolicy();
        retention.WhenDeleted ??= "Retain";
        retention.WhenScaled ??= "Retain";
        WorkloadDefaults.ApplyTemplate(spec.Template);
        foreach (var claim in spec.VolumeClaimTemplates ?? [])
        {
            claim.ApiVersion ??= "v1";
            claim.Kind ??= "PersistentVolumeClaim";
            PersistentVolumeClaimDefaults.Apply(claim);
        }
    }
}
