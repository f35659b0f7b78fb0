using System.Management.Automation;
using KubeRollout.Completion;

namespace KubeRollout.Infrastructure;

/// <summary>A cmdlet about the workloads it is given by name: -Name is required (one or more names).</summary>
public abstract class WorkloadCmdlet : WorkloadSelectionCmdlet
{
    /// <summary>The workloads' names, or kubectl's TYPE/NAME form (deploy/vweb, sts/todo-db, ds/nginx).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WorkloadNameCompleter))]
    public string[] Name { get; set; } = [];

    protected override IReadOnlyList<string> Names => Name;
}
