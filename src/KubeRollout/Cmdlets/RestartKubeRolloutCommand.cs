using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>kubectl rollout restart: replaces every pod by stamping the template with kubectl.kubernetes.io/restartedAt.</summary>
[Cmdlet(VerbsLifecycle.Restart, "KubeRollout", SupportsShouldProcess = true)]
[OutputType(typeof(RolloutActionResult))]
public sealed class RestartKubeRolloutCommand : WorkloadCmdlet
{
    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            if (ShouldProcess(workload.ToString(), "Restart all pods"))
            {
                var result = Run(token => RolloutOperations.RestartAsync(Client, workload, DateTime.UtcNow, dryRun: false, changeCause: null, token));
                WriteObject(result);
                result.Warnings.ToList().ForEach(WriteWarning);
            }
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
