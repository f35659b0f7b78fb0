using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// kubectl rollout undo [--to-revision N] [--dry-run]: goes back to an earlier revision's template, refusing (unless
/// -Force) a revision whose ConfigMaps or Secrets no longer exist.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "KubeRollout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UndoResult))]
public sealed class UndoKubeRolloutCommand : WorkloadCmdlet
{
    /// <summary>
    /// The revision to go back to; 0 (the default) means the previous one. A revision from Get-KubeRolloutHistory binds
    /// through its ToRevision alias property (KubeRollout.Types.ps1xml); a status or apply result, whose Revision is
    /// the current one, leaves it at the previous revision.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RevisionCompleter))]
    public long ToRevision { get; set; }

    /// <summary>Let the server validate the undo (dryRun=All) without changing anything, as kubectl --dry-run=server.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    /// <summary>Rolls back even when the target revision's ConfigMaps or Secrets no longer exist.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            var plan = Run(token => ConfigCheckedUndo.PlanAsync(Client, workload, ToRevision, Force, token));
            plan.Warnings.ToList().ForEach(WriteWarning);
            var description = UndoDescription.Of(plan);
            if (!ShouldProcess(description, description, "Undo rollout"))
            {
                return;
            }

            WriteObject(Run(token => RolloutOperations.UndoAsync(Client, workload, ToRevision, DryRun, token)));
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
