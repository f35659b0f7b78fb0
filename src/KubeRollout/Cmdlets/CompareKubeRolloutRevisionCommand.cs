using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// What differs between two revisions of a workload: template fields and the data of the ConfigMaps and Secrets
/// they reference in the same places (Secret values hidden).
/// </summary>
[Cmdlet(VerbsData.Compare, "KubeRolloutRevision")]
[OutputType(typeof(RevisionDifference))]
public sealed class CompareKubeRolloutRevisionCommand : WorkloadCmdlet
{
    /// <summary>The revision to compare with; default: the one before the difference revision.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(RevisionCompleter))]
    public long? ReferenceRevision { get; set; }

    /// <summary>The revision compared; default: the current one.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Revision")]
    [ArgumentCompleter(typeof(RevisionCompleter))]
    public long? DifferenceRevision { get; set; }

    // It only reads: names may be wildcard patterns.
    protected override bool AcceptsPatterns => true;

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            var (differences, warnings) = Run(token => RevisionComparison.CompareAsync(Client, workload, ReferenceRevision, DifferenceRevision, token));
            warnings.ToList().ForEach(WriteWarning);
            if (differences.Count == 0)
            {
                WriteVerbose($"The two revisions of {workload.ResourceName} do not differ, neither in their templates nor in the data they reference.");
            }

            WriteObject(differences, enumerateCollection: true);
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
