using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Batch.Jobs;

/// <summary>batch/v1 Job defaults (SetDefaults_Job): one completion at a time unless told, 6 retries, NonIndexed.</summary>
internal static class JobDefaults
{
    public static void Apply(V1Job job)
    {
        var spec = job.Spec ??= new V1JobSpec();
        if (spec.Completions is null && spec.Parallelism is null)
        {
            spec.Completions = 1;
        }

        spec.Parallelism ??= 1;
        spec.BackoffLimit ??= 6;
        spec.CompletionMode ??= "NonIndexed";
        spec.Suspend ??= false;
        spec.PodReplacementPolicy ??= spec.PodFailurePolicy is null ? "TerminatingOrFailed" : "Failed";
        WorkloadDefaults.ApplyTemplate(spec.Template);
    }
}
