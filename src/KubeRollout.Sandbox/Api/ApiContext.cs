using KubeRollout.Sandbox.Api.Metrics;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Watch;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage.Persistence;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Api;

/// <summary>What every request handler works with.</summary>
internal sealed class ApiContext(
    ClusterRegistry registry, TimeProvider clock, WatchHub watches, ResponseWriter responses, StateJournal journal, ILogger logger, CancellationToken stopping)
{
    public ClusterRegistry Registry { get; } = registry;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The sandbox's current time.</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public WatchHub Watches { get; } = watches;

    public ResponseWriter Responses { get; } = responses;

    /// <summary>Where commits are kept; a write is answered only once what it committed is there.</summary>
    public StateJournal Journal { get; } = journal;

    public ILogger Logger { get; } = logger;

    /// <summary>The request metrics served on <c>/metrics</c>.</summary>
    public ApiMetrics Metrics { get; } = new();

    /// <summary>Cancelled when the server stops, which ends the open watches.</summary>
    public CancellationToken Stopping { get; } = stopping;
}
