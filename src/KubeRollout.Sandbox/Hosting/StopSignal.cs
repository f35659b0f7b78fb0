using System.Runtime.InteropServices;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// Tells when the sandbox should stop: SIGINT or SIGTERM, or the file <c>DIR/stop</c> appearing (the portable way
/// for Stop-KubeSandbox to ask, on every platform). Signals are caught from construction on, so one that arrives
/// while the sandbox starts still stops it cleanly.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    public const string StopFileName = "stop";

    private readonly CancellationTokenSource _signalled = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly string _stopFile;

    public StopSignal(string directory)
    {
        _stopFile = Path.Combine(directory, StopFileName);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public async Task WaitAsync()
    {
        try
        {
            while (!File.Exists(_stopFile))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _signalled.Token);
            }
        }
        catch (OperationCanceledException) when (_signalled.IsCancellationRequested)
        {
            // A signal arrived.
        }
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _signalled.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the sandbox shuts down by itself, cleanly
        _signalled.Cancel();
    }
}
