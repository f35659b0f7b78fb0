using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Partitions;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// Sets a StatefulSet's rolling-update partition, at once or in stages (-Step): each stage lowers the partition,
/// waits until the pods it lets the controller replace are Ready at the update revision, and the first stage that
/// does not get there stops the run.
/// </summary>
[WorkloadKinds("StatefulSet")]
[Alias("Set-KubeStatefulSetPartition")]
[Cmdlet(VerbsCommon.Set, "StatefulSetPartition", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PartitionStepResult))]
public sealed class SetStatefulSetPartitionCommand : WorkloadCmdlet
{
    /// <summary>The partition to reach: pods with an ordinal at or above it are updated.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("TargetPartition")]
    public int Partition { get; set; }

    /// <summary>Lowers the partition this many ordinals at a time, waiting at each stage.</summary>
    [Parameter]
    public int? Step { get; set; }

    /// <summary>Waits until the pods from the partition up are Ready at the update revision.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long each stage may take. Default: 5 minutes.</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            var plan = Run(token => StatefulSetPartitioner.PlanAsync(Client, workload, Partition, Step, token));
            plan.Warnings.ToList().ForEach(WriteWarning);
            for (var index = 0; index < plan.Steps.Count; index++)
            {
                var step = plan.Steps[index];
                var description = $"{workload}: {step}";
                if (!ShouldProcess(description, description, "Set StatefulSet partition"))
                {
                    continue;
                }

                WriteProgress(new ProgressRecord(1, $"Partition of {workload.ResourceName}", step.ToString())
                {
                    PercentComplete = 100 * index / plan.Steps.Count,
                });
                var result = Run(token => StatefulSetPartitioner.ApplyAsync(Client, plan, step, Wait, Timeout, token));
                WriteObject(result);
                if (StatefulSetPartitioner.FailureOf(result) is { } failure)
                {
                    WriteFailure(failure);
                    break;
                }
            }

            WriteProgress(new ProgressRecord(1, $"Partition of {workload.ResourceName}", "Done") { RecordType = ProgressRecordType.Completed });
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
