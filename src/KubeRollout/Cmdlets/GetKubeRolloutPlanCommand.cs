using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Plans;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// The steps a Deployment's rollout goes through, pod count by pod count, as the Deployment controller takes them:
/// for given replicas and strategy, or for a live Deployment (its settings and pods, optionally overridden).
/// -Namespace, -Context and -KubeConfig belong to every parameter set, although only a plan for a Deployment uses
/// them: a session that sets them for all Kube cmdlets in $PSDefaultParameterValues must still plan from parameters.
/// </summary>
[WorkloadKinds("Deployment")]
[Cmdlet(VerbsCommon.Get, "KubeRolloutPlan", DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(RolloutPlanStep))]
public sealed class GetKubeRolloutPlanCommand : KubeClusterCmdlet
{
    private const string ParametersSet = "Parameters";
    private const string WorkloadSet = "Workload";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [Parameter(ParameterSetName = WorkloadSet)]
    [ValidateRange(0, int.MaxValue)]
    public int Replicas { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MaxSurge { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MaxUnavailable { get; set; }

    [Parameter]
    [ValidateSet("RollingUpdate", "Recreate", IgnoreCase = true)]
    public string? Strategy { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = WorkloadSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WorkloadNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Only Deployments have a plan; the parameter exists so that StatefulSets and DaemonSets in a pipeline are refused clearly.</summary>
    [Parameter(ParameterSetName = WorkloadSet, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Deployment", "StatefulSet", "DaemonSet", IgnoreCase = true)]
    public string Kind { get; set; } = "Deployment";

    protected override void ProcessRecord()
    {
        try
        {
            var settings = new RolloutPlanOverrides
            {
                Replicas = MyInvocation.BoundParameters.ContainsKey(nameof(Replicas)) ? Replicas : null,
                Strategy = Strategy is null ? null : Enum.Parse<StrategyType>(Strategy, ignoreCase: true),
                MaxSurge = MaxSurge,
                MaxUnavailable = MaxUnavailable,
            };
            RolloutPlanRequest request;
            if (ParameterSetName == WorkloadSet)
            {
                EnsureConnected();
                var workload = WorkloadReference.Parse(
                    Name!, Enum.Parse<WorkloadKind>(Kind, ignoreCase: true), EffectiveNamespace, kindGiven: MyInvocation.BoundParameters.ContainsKey(nameof(Kind)));
                var (live, warnings) = Run(token => RolloutPlanRequests.ForDeploymentAsync(Client, workload, settings, token));
                warnings.ToList().ForEach(WriteWarning);
                request = live;
            }
            else
            {
                request = RolloutPlanRequests.FromParameters(Replicas, settings);
            }

            WriteObject(RolloutPlanner.Plan(request).Steps, enumerateCollection: true);
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
