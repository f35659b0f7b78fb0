using System.Management.Automation;
using KubeRollout.Completion;

namespace KubeRollout.Infrastructure;

/// <summary>
/// A cmdlet that reads workloads: names may be wildcard patterns, and no name means every workload of the
/// namespace (of -Kind, else of every kind), or of every namespace with -AllNamespaces, as kubectl get does.
/// </summary>
public abstract class WorkloadQueryCmdlet : WorkloadSelectionCmdlet
{
    /// <summary>Names, TYPE/NAME forms or wildcard patterns (web*, sts/db-*); none: every workload.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkloadNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Looks in every namespace (kubectl's -A); -Namespace is then not used.</summary>
    [Parameter]
    [Alias("A")]
    public SwitchParameter AllNamespaces { get; set; }

    protected override IReadOnlyList<string> Names => Name;

    protected override bool AcceptsPatterns => true;

    protected override bool InAllNamespaces => AllNamespaces;
}
