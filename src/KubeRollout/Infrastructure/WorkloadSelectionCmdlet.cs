using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Infrastructure;

/// <summary>
/// A cmdlet about workloads named by -Kind and -Name: NAME or kubectl's TYPE/NAME, several at once, and for the
/// cmdlets that only read, wildcard patterns (and, where the name is optional, no name for every workload).
/// </summary>
public abstract class WorkloadSelectionCmdlet : KubeClusterCmdlet
{
    // Workloads named without a kind, which the cmdlet took to be of its default kind.
    private readonly HashSet<WorkloadReference> _kindAssumed = [];

    protected WorkloadSelectionCmdlet() => Kind = WorkloadKindsAttribute.Of(GetType()).DefaultKind;

    // A string, as WorkloadKindsAttribute names the kinds: its default comes from an attribute, which PowerShell reads
    // before the module's dependency resolver is in place.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Deployment", "StatefulSet", "DaemonSet", IgnoreCase = true)]
    public string Kind { get; set; }

    /// <summary>The -Name values of the current pipeline object (none: every workload, where the cmdlet allows it).</summary>
    protected abstract IReadOnlyList<string> Names { get; }

    /// <summary>True for cmdlets that only read: they take wildcard patterns. Cmdlets that change things take exact names only.</summary>
    protected virtual bool AcceptsPatterns => false;

    /// <summary>True when the workloads are looked for in every namespace (-AllNamespaces).</summary>
    protected virtual bool InAllNamespaces => false;

    /// <summary>Processes each workload the current pipeline object names.</summary>
    protected override void ProcessRecord()
    {
        foreach (var workload in SelectWorkloads())
        {
            ProcessWorkload(workload);
        }
    }

    /// <summary>What the cmdlet does for one workload; a failure of one does not stop the others.</summary>
    protected abstract void ProcessWorkload(WorkloadReference workload);

    /// <summary>
    /// The workloads the current pipeline object names, each once (<see cref="WorkloadLookup"/>); a name that cannot
    /// be used is written as an error and the others are still returned.
    /// </summary>
    protected IReadOnlyList<WorkloadReference> SelectWorkloads()
    {
        var query = new WorkloadQuery(
            Enum.Parse<WorkloadKind>(Kind, ignoreCase: true),
            MyInvocation.BoundParameters.ContainsKey(nameof(Kind)),
            InAllNamespaces ? null : EffectiveNamespace,
            AcceptsPatterns ? null : MyInvocation.MyCommand.Name);
        var selected = new List<WorkloadReference>();
        if (Names.Count == 0)
        {
            selected.AddRange(Select(query, null));
        }

        foreach (var name in Names)
        {
            try
            {
                var named = Select(query, name);
                if (!query.KindGiven && !name.Contains('/', StringComparison.Ordinal))
                {
                    _kindAssumed.UnionWith(named);
                }

                selected.AddRange(named);
            }
            catch (KubeRolloutException e)
            {
                WriteFailure(e);
            }
        }

        return selected.Distinct().ToList();
    }

    /// <summary>A workload named without a kind and not found as the default kind: the error says what else has that name.</summary>
    protected override void WriteFailure(KubeRolloutException failure)
    {
        if (failure.ErrorId == "WorkloadNotFound" && failure.Target is WorkloadReference asked && _kindAssumed.Contains(asked))
        {
            try
            {
                var accepted = WorkloadKindsAttribute.Of(GetType()).Accepted.Select(k => Enum.Parse<WorkloadKind>(k)).ToList();
                failure = Run(token => WorkloadLookup.ExplainNotFoundAsync(Client, failure, asked, accepted, MyInvocation.MyCommand.Name, token));
            }
            catch (KubeRolloutException)
            {
                // The hint is a courtesy: the error itself is what matters.
            }
        }

        base.WriteFailure(failure);
    }

    private IReadOnlyList<WorkloadReference> Select(WorkloadQuery query, string? name)
    {
        var selection = Run(token => WorkloadLookup.SelectAsync(Client, query, name, token));
        if (selection.Note is { } note)
        {
            WriteVerbose(note);
        }

        return selection.Workloads;
    }
}
