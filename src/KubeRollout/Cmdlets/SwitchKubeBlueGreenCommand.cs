using System.Management.Automation;
using System.Threading.Channels;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.BlueGreen;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// Switches a Service's traffic to another Deployment (a blue-green release), or back (-Back): only to a side that
/// has rolled out completely, with a selector that reaches only that side's ready pods, after an optional
/// verification; records the switch on the Service, optionally waits for the endpoints and scales the old side down.
/// </summary>
[Cmdlet(VerbsCommon.Switch, "KubeBlueGreen", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ToSet)]
[OutputType(typeof(BlueGreenSwitchResult))]
public sealed class SwitchKubeBlueGreenCommand : KubeClusterCmdlet
{
    private const string ToSet = "To";
    private const string BackSet = "Back";

    /// <summary>The Service whose traffic is switched (NAME or svc/NAME).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceName")]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = string.Empty;

    /// <summary>The Deployment that gets the traffic (NAME or deploy/NAME); Get-KubeBlueGreen's Standby binds here.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ToSet)]
    [Alias("Standby", "Deployment")]
    [ValidateNotNullOrEmpty]
    public string To { get; set; } = string.Empty;

    /// <summary>Switches back to the side before the last recorded switch.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BackSet)]
    public SwitchParameter Back { get; set; }

    /// <summary>Why, recorded with the switch. Default: "switch to NAME" or "back to NAME".</summary>
    [Parameter]
    [Alias("Cause")]
    public string? ChangeCause { get; set; }

    /// <summary>Run before the switch with the plan as $_; false or an error means no switch.</summary>
    [Parameter]
    public ScriptBlock? Verify { get; set; }

    /// <summary>Waits until the Service's EndpointSlices list exactly the target's ready pods.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait may take. Default: 2 minutes.</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Scales the old side to 0 this long after the endpoints switched, when none of its pods is an endpoint any more.</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? ScaleDownAfter { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessRecord()
    {
        try
        {
            var ns = EffectiveNamespace;
            var service = BlueGreenNames.Service(Service);
            var target = Back ? null : BlueGreenNames.Deployment(To, ns);
            var plan = Run(token => BlueGreenSwitcher.PlanAsync(Client, ns, service, target, token));
            plan.Warnings.ToList().ForEach(WriteWarning);
            var description = BlueGreenSwitcher.Describe(plan, verify: Verify is not null, ScaleDownAfter);
            if (!ShouldProcess(description, description, "Switch blue-green Service"))
            {
                return;
            }

            var result = RunWithProgress<BlueGreenSwitchResult, VerifyRequest>(
                (requests, token) => BlueGreenSwitcher.SwitchAsync(Client, plan, ChangeCause, Verify is null ? null : (p, t) => VerifyRequest.Send(requests, p, t), token),
                request => request.Run(Verify!, this));
            if (result.Switched && BlueGreenSwitcher.WaitsForEndpoints(Wait, ScaleDownAfter))
            {
                result = Continue(result, (progress, token) => BlueGreenSwitcher.WaitForEndpointsAsync(Client, result, plan, Timeout, progress, token));
                if (ScaleDownAfter is { } delay && result.Waited)
                {
                    result = Continue(result, (progress, token) => BlueGreenSwitcher.ScaleDownOldSideAsync(Client, result, plan, delay, progress, token));
                }
            }

            WriteObject(result);
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }

    /// <summary>
    /// Runs a step after the switch with a progress bar. The switch itself is done: when the step fails, what was
    /// switched is still written before the error.
    /// </summary>
    private BlueGreenSwitchResult Continue(BlueGreenSwitchResult switched, Func<Action<BlueGreenProgress>, CancellationToken, Task<BlueGreenSwitchResult>> step)
    {
        try
        {
            return RunWithProgress<BlueGreenSwitchResult, BlueGreenProgress>(
                (progress, token) => step(p => progress.TryWrite(p), token),
                p => WriteProgress(new ProgressRecord(1, p.Activity, p.Status)
                {
                    PercentComplete = p.PercentComplete,
                    RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                }));
        }
        catch (KubeRolloutException)
        {
            WriteObject(switched);
            throw;
        }
    }

    /// <summary>
    /// A request to run -Verify: the switch runs on a worker thread, a script block only on the pipeline thread, so
    /// the worker sends the request through the progress channel and awaits the answer.
    /// </summary>
    private sealed class VerifyRequest(BlueGreenSwitchPlan plan)
    {
        private readonly TaskCompletionSource<bool> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<bool> Send(ChannelWriter<VerifyRequest> requests, BlueGreenSwitchPlan plan, CancellationToken cancellationToken)
        {
            var request = new VerifyRequest(plan);
            await requests.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            using var stop = cancellationToken.Register(() => request._answer.TrySetCanceled(cancellationToken));
            return await request._answer.Task.ConfigureAwait(false);
        }

        /// <summary>
        /// Runs the script block with the plan as $_ and $ErrorActionPreference Stop: it fails when it throws or
        /// writes an error, or when its last output is false; no output at all passes (Should-style checks).
        /// </summary>
        public void Run(ScriptBlock verify, Cmdlet cmdlet)
        {
            cmdlet.WriteVerbose($"Verifying deployment {plan.To} before the switch.");
            try
            {
                var output = verify.InvokeWithContext(null, [new PSVariable("_", plan), new PSVariable("ErrorActionPreference", ActionPreference.Stop)], plan);
                _answer.TrySetResult(output.Count == 0 || LanguagePrimitives.IsTrue(output[^1]));
            }
            catch (PipelineStoppedException)
            {
                _answer.TrySetCanceled();
                throw;
            }
            catch (RuntimeException e)
            {
                _answer.TrySetException(e.ErrorRecord?.Exception ?? e);
            }
        }
    }
}
