using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>kubectl rollout status --watch=false: where a rollout stands, once.</summary>
[Cmdlet(VerbsCommon.Get, "KubeRolloutStatus")]
[OutputType(typeof(RolloutStatus))]
public sealed class GetKubeRolloutStatusCommand : WorkloadQueryCmdlet
{
    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            WriteObject(Run(token => RolloutOperations.GetStatusAsync(Client, workload, token)));
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
