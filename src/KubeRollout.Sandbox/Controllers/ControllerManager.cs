using KubeRollout.Sandbox.Simulation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers;

/// <summary>Runs the controllers, the scheduler and the simulated nodes and kubelet. CONTRACT STUB.</summary>
public sealed class ControllerManager
{
    public ControllerManager(ClusterStore store, ISimulatedClock clock, SandboxOptions options)
    {
        _ = (store, clock, options);
    }

    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
