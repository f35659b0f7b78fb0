using System.Management.Automation;
using System.Threading.Channels;
using KubeRollout.Core.Errors;

namespace KubeRollout.Infrastructure;

/// <summary>
/// What every KubeRollout cmdlet shares: errors as stable ErrorRecords, Ctrl+C that stops promptly, and async work
/// run on the pipeline thread (Write* may only be called there).
/// </summary>
public abstract class KubeRolloutCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    protected virtual void WriteFailure(KubeRolloutException failure) => WriteError(ToErrorRecord(failure));

    protected void ThrowFailure(KubeRolloutException failure) => ThrowTerminatingError(ToErrorRecord(failure));

    /// <summary>Runs async work to completion; Ctrl+C cancels it and stops the pipeline.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work) => RunWithProgress<T, object>((_, token) => work(token), _ => { });

    /// <summary>
    /// Runs async work while writing the progress it reports on the pipeline thread, where Write* must happen.
    /// </summary>
    protected T RunWithProgress<T, TProgress>(Func<ChannelWriter<TProgress>, CancellationToken, Task<T>> work, Action<TProgress> onProgress)
    {
        var channel = Channel.CreateUnbounded<TProgress>(new UnboundedChannelOptions { SingleReader = true });
        var task = work(channel.Writer, CancellationToken);
        _ = task.ContinueWith(_ => channel.Writer.TryComplete(), TaskScheduler.Default);
        try
        {
            while (channel.Reader.WaitToReadAsync(CancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var item))
                {
                    onProgress(item);
                }
            }

            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (KubeRolloutException e) when (e.Kind == FailureKind.OperationStopped && CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// The failure as an ErrorRecord. Where the message is kubectl's text naming kubectl's command, the exception
    /// keeps it and the displayed message (ErrorDetails) adds what to do with this module's cmdlets.
    /// </summary>
    private static ErrorRecord ToErrorRecord(KubeRolloutException failure)
    {
        var record = new ErrorRecord(failure, failure.ErrorId, ErrorCategories.Of(failure.Kind), failure.Target);
        if (failure.RecommendedAction is { } action)
        {
            record.ErrorDetails = new ErrorDetails($"{failure.Message}{Environment.NewLine}{action}") { RecommendedAction = action };
        }

        return record;
    }
}
