using System.Runtime.InteropServices;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// Completes when the sandbox should stop: SIGINT or SIGTERM, or the file <c>DIR/stop</c> appearing (the portable way
/// for Stop-KubeSandbox to ask, on every platform).
/// </summary>
internal static class StopSignal
{
    public const string StopFileName = "stop";

    public static async Task WaitAsync(string directory, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        var stopFile = Path.Combine(directory, StopFileName);
        try
        {
            while (!File.Exists(stopFile))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A signal arrived.
        }

        void Handle(PosixSignalContext context)
        {
            context.Cancel = true; // we shut down ourselves, cleanly
            stop.Cancel();
        }
    }
}
