using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>
/// batch/v1 CronJob defaults (SetDefaults_CronJob): concurrency Allow, not suspended, three successful and one failed
/// Job kept. The job template's pod template gets the pod defaults; its job spec is defaulted only in the Jobs made from it.
/// </summary>
internal static class CronJobDefaults
{
    public static void Apply(V1CronJob cronJob)
    {
        var spec = cronJob.Spec ??= new V1CronJobSpec();
        if (string.IsNullOrEmpty(spec.ConcurrencyPolicy))
        {
            spec.ConcurrencyPolicy = "Allow";
        }

        spec.Suspend ??= false;
        spec.SuccessfulJobsHistoryLimit ??= 3;
        spec.FailedJobsHistoryLimit ??= 1;
        WorkloadDefaults.ApplyTemplate(spec.JobTemplate?.Spec?.Template);
    }
}
