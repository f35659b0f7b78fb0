using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Pods;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// Replaces the out-of-date pods of an OnDelete StatefulSet or DaemonSet one at a time: deletes a pod, waits until
/// its replacement is Ready at the update revision, then the next; a pod is deleted only while the others are Ready.
/// </summary>
[WorkloadKinds("Deployment", "StatefulSet", "DaemonSet")]
[Cmdlet(VerbsData.Update, "KubeRolloutPod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PodReplacement))]
public sealed class UpdateKubeRolloutPodCommand : WorkloadCmdlet
{
    /// <summary>Only the StatefulSet pods with these ordinals.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int[]? Ordinal { get; set; }

    /// <summary>Only the DaemonSet (or StatefulSet) pods on these nodes.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterValueCompleter))]
    public string[]? Node { get; set; }

    /// <summary>Stops at the first pod whose replacement does not become Ready.</summary>
    [Parameter]
    public SwitchParameter StopOnFailure { get; set; }

    /// <summary>How long each pod may take (waiting for the others to be Ready, then for its replacement). Default: 5 minutes.</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            var plan = Run(token => PodReplacer.PlanAsync(Client, workload, Ordinal, Node, token));
            plan.Warnings.ToList().ForEach(WriteWarning);

            if (plan.Selection.Outdated.Count == 0)
            {
                WriteVerbose($"{workload}: every pod is at revision {plan.UpdateRevision}; nothing to replace.");
                return;
            }

            var targets = plan.Selection.Outdated;
            for (var index = 0; index < targets.Count; index++)
            {
                var target = targets[index];
                var description = $"{workload}: delete {target} so that it comes back at revision {plan.UpdateRevision}";
                if (!ShouldProcess(description, description, "Replace pod"))
                {
                    continue;
                }

                WriteProgress(new ProgressRecord(1, $"Replacing the pods of {workload.ResourceName}", $"{target.PodName} ({index + 1} of {targets.Count})")
                {
                    PercentComplete = 100 * index / targets.Count,
                });
                var result = Run(token => PodReplacer.ReplaceAsync(Client, plan, target, Timeout, token));
                WriteObject(result);
                if (PodReplacer.FailureOf(result) is { } failure)
                {
                    WriteFailure(failure);
                    if (StopOnFailure)
                    {
                        break;
                    }
                }
            }

            WriteProgress(new ProgressRecord(1, $"Replacing the pods of {workload.ResourceName}", "Done") { RecordType = ProgressRecordType.Completed });
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
