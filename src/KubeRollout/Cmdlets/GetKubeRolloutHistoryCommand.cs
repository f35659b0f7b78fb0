using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>kubectl rollout history [--revision N]: the revisions of a workload as objects.</summary>
[Cmdlet(VerbsCommon.Get, "KubeRolloutHistory")]
[OutputType(typeof(RolloutRevision))]
public sealed class GetKubeRolloutHistoryCommand : WorkloadQueryCmdlet
{
    /// <summary>Only this revision (kubectl's --revision).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RevisionCompleter))]
    public long? Revision { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            if (Revision is { } asked)
            {
                RevisionSelection.RequireValid(asked);
            }

            var warnings = new List<string>();
            var history = Run(token => RolloutOperations.GetHistoryAsync(Client, workload, warnings.Add, token));
            warnings.ForEach(WriteWarning);
            if (Revision is > 0 and var wanted)
            {
                var revision = RevisionSelection.Find(history, wanted, workload);
                // The detail view (kubectl rollout history --revision N) is this object's default view.
                var detail = PSObject.AsPSObject(revision);
                detail.TypeNames.Insert(0, $"{typeof(RolloutRevision).FullName}#Detail");
                WriteObject(detail);
                return;
            }

            if (history.Count == 0)
            {
                WriteVerbose($"{workload}: No rollout history found.");
            }

            WriteObject(history, enumerateCollection: true);
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
