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
    protected WorkloadSelectionCmdlet() => Kind = WorkloadKindsAttribute.Of(GetType()).DefaultKind;

    // A string rather than Core's WorkloadKind: PowerShell inspects parameter types before the module's
    // dependency resolver is in place, so cmdlet signatures use only types of this assembly and the BCL.
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
    /// The workloads the current pipeline object names, each once; a name that cannot be used is written as an
    /// error and the others are still returned. Exact names are not looked up (the operation reports a missing one).
    /// </summary>
    protected IReadOnlyList<WorkloadReference> SelectWorkloads()
    {
        var kind = Enum.Parse<WorkloadKind>(Kind, ignoreCase: true);
        var kindGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Kind));
        var @namespace = InAllNamespaces ? null : EffectiveNamespace;
        var selected = new List<WorkloadReference>();
        if (Names.Count == 0)
        {
            selected.AddRange(Find(WorkloadSelector.All(kindGiven ? kind : null), @namespace, "*"));
        }

        foreach (var name in Names)
        {
            try
            {
                var selector = WorkloadSelector.Parse(name, kind, kindGiven);
                if (selector.IsPattern && !AcceptsPatterns)
                {
                    throw new KubeRolloutException(
                        "WorkloadNamePatternNotAccepted", FailureKind.InvalidArgument,
                        $"{MyInvocation.MyCommand.Name} changes workloads and takes exact names, not the pattern '{name}': list them with Get-KubeRolloutStatus '{name}' and pipe the ones you mean.", name);
                }

                selected.AddRange(selector.IsPattern || @namespace is null
                    ? Find(selector, @namespace, name)
                    : [new WorkloadReference(selector.Kinds[0], @namespace, selector.Name)]);
            }
            catch (KubeRolloutException e)
            {
                WriteFailure(e);
            }
        }

        return selected.Distinct().ToList();
    }

    private IReadOnlyList<WorkloadReference> Find(WorkloadSelector selector, string? @namespace, string asked)
    {
        var found = Run(token => WorkloadLookup.FindAsync(Client, selector, @namespace, token));
        if (found.Count == 0 && !selector.IsPattern)
        {
            throw new KubeRolloutException(
                "WorkloadNotFound", FailureKind.ObjectNotFound, $"{selector.Kinds[0].ToString().ToLowerInvariant()}s.apps \"{selector.Name}\" not found in any namespace", asked);
        }

        if (found.Count == 0)
        {
            WriteVerbose($"No workload matches '{asked}' in {(@namespace is null ? "any namespace" : $"namespace {@namespace}")}.");
        }

        return found;
    }
}
