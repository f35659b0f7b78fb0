using Microsoft.Extensions.Hosting;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// A host lifetime that does not listen to Ctrl+C or SIGTERM itself: the sandbox decides when to stop (signals, the
/// stop file, or its owner disposing it in-process).
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
