using System.Management.Automation;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// kubectl rollout status --timeout: waits for the rollouts of every workload from the pipeline at once, and fails
/// at once for a rollout that exceeded its progress deadline.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "KubeRollout")]
[OutputType(typeof(RolloutStatus), typeof(UndoResult))]
public sealed class WaitKubeRolloutCommand : WorkloadCmdlet
{
    private readonly List<WorkloadReference> _workloads = [];

    /// <summary>How long to wait: "2s", "5m", a number of seconds or a TimeSpan. Default: no limit.</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Undoes a rollout that fails (progress deadline exceeded) to the previous revision and waits for that.</summary>
    [Parameter]
    public SwitchParameter RollbackOnFailure { get; set; }

    /// <summary>Waiting only reads, so names may be patterns ('web*' waits for every matching workload).</summary>
    protected override bool AcceptsPatterns => true;

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        if (!_workloads.Contains(workload))
        {
            _workloads.Add(workload);
        }
    }

    protected override void EndProcessing()
    {
        if (_workloads.Count > 0)
        {
            WriteObject(WaitForRollouts(_workloads, Timeout, RollbackOnFailure), enumerateCollection: true);
        }

        base.EndProcessing();
    }
}
