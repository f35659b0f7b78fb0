using System.Management.Automation;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Plans;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// The steps a Deployment's rollout goes through, pod count by pod count, as the Deployment controller takes them:
/// for given replicas and strategy, or for a live Deployment (its settings and pods, optionally overridden).
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeRolloutPlan", DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(RolloutPlanStep))]
public sealed class GetKubeRolloutPlanCommand : KubeRolloutCmdlet
{
    private const string ParametersSet = "Parameters";
    private const string WorkloadSet = "Workload";

    private KubeApiClient? _client;

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

    [Parameter(ParameterSetName = WorkloadSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Namespace { get; set; }

    [Parameter(ParameterSetName = WorkloadSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(ParameterSetName = WorkloadSet)]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

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
                var client = Connect();
                var workload = WorkloadReference.Parse(
                    Name!, Enum.Parse<WorkloadKind>(Kind, ignoreCase: true), string.IsNullOrEmpty(Namespace) ? client.Namespace : Namespace,
                    kindGiven: MyInvocation.BoundParameters.ContainsKey(nameof(Kind)));
                var (live, warnings) = Run(token => RolloutPlanRequests.ForDeploymentAsync(client, workload, settings, token));
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

    protected override void EndProcessing()
    {
        _client?.Dispose();
        base.EndProcessing();
    }

    /// <summary>Opened on first use and kept for the pipeline; only the Workload parameter set talks to a cluster.</summary>
    private KubeApiClient Connect()
    {
        if (_client is null)
        {
            var path = KubeConfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(KubeConfig);
            try
            {
                _client = KubeApiClient.Connect(new ConnectionOptions(path, Context));
            }
            catch (KubeRolloutException e)
            {
                ThrowFailure(e);
            }

            WriteVerbose($"Cluster {_client!.Server} (context {_client.Context ?? "<none>"}), default namespace {_client.Namespace}.");
        }

        return _client;
    }
}
