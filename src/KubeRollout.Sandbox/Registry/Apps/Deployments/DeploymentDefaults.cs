using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Apps.Deployments;

/// <summary>apps/v1 Deployment defaults (SetDefaults_Deployment).</summary>
internal static class DeploymentDefaults
{
    public static void Apply(V1Deployment deployment)
    {
        var spec = deployment.Spec ??= new V1DeploymentSpec();
        spec.Replicas ??= 1;
        var strategy = spec.Strategy ??= new V1DeploymentStrategy();
        strategy.Type ??= "RollingUpdate";
        if (strategy.Type == "RollingUpdate")
        {
            var rollingUpdate = strategy.RollingUpdate ??= new V1RollingUpdateDeployment();
            rollingUpdate.MaxUnavailable ??= "25%";
            rollingUpdate.MaxSurge ??= "25%";
        }

        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        WorkloadDefaults.ApplyTemplate(spec.Template);
    }
}
