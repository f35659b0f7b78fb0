using System.Management.Automation;
using KubeRollout.Completion;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Diagnostics;
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
    /// Waits for the rollouts with a progress bar per workload; returns the completed ones and writes an error for
    /// each that failed, was paused, was deleted or did not finish in time. A failure names the failing pods' state.
    /// With <paramref name="rollbackOnFailure"/>, a failed rollout is undone to the previous revision, which is then
    /// waited for; the undo is written to the pipeline and the failure is reported as RolloutRolledBack.
    /// </summary>
    protected IReadOnlyList<RolloutStatus> WaitForRollouts(IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout, bool rollbackOnFailure = false)
    {
        if (timeout is null)
        {
            WriteVerbose("Waiting without a time limit, as kubectl rollout status does: use -Timeout to set one; Ctrl+C stops the wait.");
        }

        var completed = new List<RolloutStatus>();
        try
        {
            foreach (var status in Watch(workloads, timeout))
            {
                var failure = RolloutFailures.For(status, timeout);
                if (failure is null)
                {
                    completed.Add(status);
                    continue;
                }

                var workload = new WorkloadReference(status.Kind, status.Namespace, status.Name);
                var diagnosis = status.State == RolloutState.Failed ? Diagnose(workload) : string.Empty;
                if (status.State != RolloutState.Failed || !rollbackOnFailure)
                {
                    WriteFailure(new KubeRolloutException(failure.ErrorId, failure.Kind, failure.Message + diagnosis, failure.Target));
                    continue;
                }

                WriteWarning($"{status.Message}{diagnosis}{Environment.NewLine}Rolling {workload.ResourceName} back to the previous revision.");
                UndoResult undo;
                try
                {
                    undo = Run(token => ConfigCheckedUndo.UndoAsync(Client, workload, 0, serverDryRun: false, force: false, token));
                }
                catch (KubeRolloutException e) when (e.Kind != FailureKind.OperationStopped)
                {
                    // The rollout failed and cannot be rolled back (the previous revision's config is gone, say): both are errors.
                    WriteFailure(new KubeRolloutException(failure.ErrorId, failure.Kind, failure.Message + diagnosis, failure.Target));
                    WriteFailure(e);
                    continue;
                }

                WriteObject(undo);
                var restored = WaitForRollouts([workload], timeout);
                WriteFailure(new KubeRolloutException(
                    "RolloutRolledBack", FailureKind.InvalidResult,
                    $"{status.Message}{diagnosis}{Environment.NewLine}Rolled back to revision {undo.ToRevision} (now revision {undo.NewRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}){(restored.Count > 0 ? ", which rolled out completely." : ".")}",
                    status));
                completed.AddRange(restored);
            }
        }
        catch (KubeRolloutException e)
        {
            // A lost connection or a refused request ends the wait with its own id (ClusterUnreachable, ...), for
            // Wait-KubeRollout and Invoke-KubeRollout -Wait alike.
            WriteFailure(e);
        }

        return completed;
    }

    private IReadOnlyList<RolloutStatus> Watch(IReadOnlyList<WorkloadReference> workloads, TimeSpan? timeout)
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

        return statuses;
    }

    /// <summary>The failing pods of a Deployment's current revision, as lines to add to a failure message.</summary>
    private string Diagnose(WorkloadReference workload)
    {
        if (workload.Kind != WorkloadKind.Deployment)
        {
            return string.Empty;
        }

        var problems = Run(token => PodDiagnostics.ForDeploymentAsync(Client, workload.Namespace, workload.Name, token));
        return problems.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => $"  {p}"));
    }
}
