using System.Management.Automation;
using KubeRollout.Core.Errors;

namespace KubeRollout.Infrastructure;

/// <summary>What every KubeRollout cmdlet shares: errors as stable ErrorRecords and cancellation on Ctrl+C.</summary>
public abstract class KubeRolloutCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void EndProcessing() => _stopping.Dispose();

    protected void WriteFailure(KubeRolloutException failure) => WriteError(ToErrorRecord(failure));

    protected void ThrowFailure(KubeRolloutException failure) => ThrowTerminatingError(ToErrorRecord(failure));

    private static ErrorRecord ToErrorRecord(KubeRolloutException failure) =>
        new(failure, failure.ErrorId, ErrorCategories.Of(failure.Kind), failure.Target);
}
