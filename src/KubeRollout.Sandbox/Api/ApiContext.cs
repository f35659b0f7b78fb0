using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Watch;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Api;

/// <summary>What every request handler works with.</summary>
internal sealed class ApiContext(ClusterStore store, ISimulatedClock clock, WatchHub watches, ResponseWriter responses, ILogger logger, CancellationToken stopping)
{
    public ClusterStore Store { get; } = store;

    public ISimulatedClock Clock { get; } = clock;

    public WatchHub Watches { get; } = watches;

    public ResponseWriter Responses { get; } = responses;

    public ILogger Logger { get; } = logger;

    /// <summary>Cancelled when the server stops, which ends the open watches.</summary>
    public CancellationToken Stopping { get; } = stopping;
}
