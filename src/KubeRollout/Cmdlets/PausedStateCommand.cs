using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>What Suspend- and Resume-KubeRollout share: the same call with the opposite state.</summary>
public abstract class PausedStateCommand : WorkloadCmdlet
{
    private protected abstract bool Paused { get; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            RolloutOperations.RequirePausable(workload);
            if (ShouldProcess(workload.ToString(), Paused ? "Pause rollout" : "Resume rollout"))
            {
                WriteObject(Run(token => RolloutOperations.SetPausedAsync(Client, workload, Paused, dryRun: false, token)));
            }
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
