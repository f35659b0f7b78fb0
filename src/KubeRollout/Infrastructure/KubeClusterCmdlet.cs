using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Guard;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Infrastructure;

/// <summary>A cmdlet that talks to a cluster: -Namespace, -Context and -KubeConfig as kubectl takes them.</summary>
public abstract class KubeClusterCmdlet : KubeRolloutCmdlet
{
    private KubeApiClient? _client;

    /// <summary>The namespace; default: the kubeconfig context's namespace, else "default".</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNamespace]
    [ArgumentCompleter(typeof(ClusterValueCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterValueCompleter))]
    public string? Context { get; set; }

    /// <summary>Default: $env:KUBECONFIG, else ~/.kube/config.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    /// <summary>The connection, opened on first use and kept for the whole pipeline.</summary>
    protected KubeApiClient Client
    {
        get
        {
            if (_client is null)
            {
                var path = KubeConfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(KubeConfig);
                _client = KubeApiClient.Connect(new ConnectionOptions(path, Context));
                WriteVerbose($"Cluster {_client.Server} (context {_client.Context ?? "<none>"}), default namespace {_client.Namespace}.");
            }

            return _client;
        }
    }

    /// <summary>The namespace for the current pipeline object: -Namespace (or the bound property), else the connection's.</summary>
    protected string EffectiveNamespace => string.IsNullOrEmpty(Namespace) ? Client.Namespace : Namespace;

    protected override void EndProcessing()
    {
        _client?.Dispose();
        base.EndProcessing();
    }

    /// <summary>
    /// Opens the connection once for the pipeline; a connection that cannot be made stops the cmdlet, since no
    /// object could be processed.
    /// </summary>
    protected void EnsureConnected()
    {
        try
        {
            _ = Client;
        }
        catch (KubeRolloutException e)
        {
            ThrowFailure(e);
        }
    }

    /// <summary>
    /// Waits for the rollouts (<see cref="RolloutGuard"/>) with a progress bar per workload; returns the completed ones
    /// and writes an error for each that did not complete, naming its pods' state. With
    /// <paramref name="rollbackOnFailure"/>, a failed rollout is undone to the previous revision and that is waited
    /// for; the undo is written to the pipeline and the failure is reported as RolloutRolledBack.
    /// </summary>
    protected IReadOnlyList<RolloutStatus> WaitForRollouts(IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout, bool rollbackOnFailure = false) =>
        RunWithProgress<IReadOnlyList<RolloutStatus>, RolloutGuardEvent>(
            (events, token) => RolloutGuard.WaitAsync(Client, workloads, timeout, rollbackOnFailure, e => events.TryWrite(e), token),
            Write);

    private void Write(RolloutGuardEvent reported)
    {
        switch (reported)
        {
            case RolloutGuardEvent.Observed observed:
                WriteVerbose(observed.Verbose);
                WriteProgress(new ProgressRecord(observed.Activity, observed.ActivityText, observed.Status.Message) { PercentComplete = observed.PercentComplete });
                break;
            case RolloutGuardEvent.Ended ended:
                foreach (var activity in ended.Activities)
                {
                    WriteProgress(new ProgressRecord(activity, "Waiting for rollouts", "Done") { RecordType = ProgressRecordType.Completed });
                }

                break;
            case RolloutGuardEvent.Noted noted:
                WriteVerbose(noted.Message);
                break;
            case RolloutGuardEvent.Warned warned:
                WriteWarning(warned.Message);
                break;
            case RolloutGuardEvent.RolledBack rolledBack:
                WriteObject(rolledBack.Undo);
                break;
            case RolloutGuardEvent.Failed failed:
                WriteFailure(failed.Failure);
                break;
        }
    }
}
