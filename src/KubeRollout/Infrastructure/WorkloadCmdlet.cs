using System.Management.Automation;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Infrastructure;

/// <summary>A cmdlet about one workload per pipeline object: -Kind and -Name (which also takes deploy/NAME forms).</summary>
public abstract class WorkloadCmdlet : KubeClusterCmdlet
{
    // A string rather than Core's WorkloadKind: PowerShell inspects parameter types before the module's
    // dependency resolver is in place, so cmdlet signatures use only types of this assembly and the BCL.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Deployment", "StatefulSet", "DaemonSet", IgnoreCase = true)]
    public string Kind { get; set; } = "Deployment";

    /// <summary>The workload's name, or kubectl's TYPE/NAME form (deploy/vweb, sts/todo-db, ds/nginx).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WorkloadNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The workload the current pipeline object names.</summary>
    protected WorkloadReference Workload =>
        WorkloadReference.Parse(Name, Enum.Parse<WorkloadKind>(Kind, ignoreCase: true), EffectiveNamespace, kindGiven: MyInvocation.BoundParameters.ContainsKey(nameof(Kind)));
}
