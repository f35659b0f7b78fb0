using System.Management.Automation;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Waiting;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Infrastructure;

/// <summary>A cmdlet that talks to a cluster: -Namespace, -Context and -KubeConfig as kubectl takes them.</summary>
public abstract class KubeClusterCmdlet : KubeRolloutCmdlet
{
    private KubeApiClient? _client;

    /// <summary>The namespace; default: the kubeconfig context's namespace, else "default".</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Namespace { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
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
    /// Waits for the rollouts with a progress bar per workload; returns the completed ones and writes an error for
    /// each that failed, was paused, was deleted or did not finish in time.
    /// </summary>
    protected IReadOnlyList<RolloutStatus> WaitForRollouts(IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout)
    {
        var activities = workloads.Distinct().Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i + 1);
        var statuses = RunWithProgress<IReadOnlyList<RolloutStatus>, RolloutStatus>(
            (progress, token) => new RolloutWaiter(Client).WaitAsync(workloads, timeout, progress, token),
            status =>
            {
                WriteVerbose($"{status.Kind.ToString().ToLowerInvariant()}.apps/{status.Name}: {status.Message}");
                var key = new WorkloadReference(status.Kind, status.Namespace, status.Name);
                WriteProgress(new ProgressRecord(activities.GetValueOrDefault(key, 1), $"Waiting for {key.ResourceName} ({key.Namespace})", status.Message)
                {
                    PercentComplete = status.Replicas == 0 ? -1 : Math.Min(100, 100 * Math.Min(status.UpdatedReplicas, status.AvailableReplicas) / status.Replicas),
                });
            });
        foreach (var activity in activities.Values)
        {
            WriteProgress(new ProgressRecord(activity, "Waiting for rollouts", "Done") { RecordType = ProgressRecordType.Completed });
        }

        var completed = new List<RolloutStatus>();
        foreach (var status in statuses)
        {
            var failure = RolloutFailures.For(status, timeout);
            if (failure is null)
            {
                completed.Add(status);
            }
            else
            {
                WriteFailure(failure);
            }
        }

        return completed;
    }
}
