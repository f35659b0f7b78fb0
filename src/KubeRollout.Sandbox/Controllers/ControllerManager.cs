using KubeRollout.Sandbox.Controllers.DaemonSets;
using KubeRollout.Sandbox.Controllers.Deployments;
using KubeRollout.Sandbox.Controllers.Events;
using KubeRollout.Sandbox.Controllers.GarbageCollection;
using KubeRollout.Sandbox.Controllers.ReplicaSets;
using KubeRollout.Sandbox.Controllers.Runtime;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;
using KubeRollout.Sandbox.Controllers.StatefulSets;
using KubeRollout.Sandbox.Simulation;
using KubeRollout.Sandbox.Simulation.Kubelet;
using KubeRollout.Sandbox.Simulation.Nodes;
using KubeRollout.Sandbox.Simulation.Scheduling;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeRollout.Sandbox.Controllers;

/// <summary>
/// Runs what a cluster runs besides the API server: the simulated nodes and kubelet, the scheduler, the ReplicaSet,
/// Deployment, StatefulSet and DaemonSet controllers and the garbage collector, all on one shared cache of the store and one simulated
/// timer loop. <see cref="RunAsync"/> returns when the token is cancelled and every worker has stopped.
/// </summary>
public sealed class ControllerManager
{
    private readonly ClusterStore _store;
    private readonly ISimulatedClock _clock;
    private readonly SandboxOptions _options;
    private readonly ILoggerFactory _loggers;
    private int _started;

    public ControllerManager(ClusterStore store, ISimulatedClock clock, SandboxOptions options, ILoggerFactory? loggerFactory = null)
    {
        _store = store;
        _clock = clock;
        _options = options;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The controller manager is already running.");
        }

        using var cache = new ClusterCache(_store, Logger<ClusterCache>());
        var timers = new SimulatedTimers(_clock);
        var events = new EventRecorder(_store, _clock);
        var rules = new FailureRulesSource(_options, cache);
        IRunnableController[] controllers =
        [
            events,
            new NodeSimulator(_store, cache, _options, timers, Logger<NodeSimulator>()),
            new Scheduler(_store, cache, events, timers, Logger<Scheduler>()),
            new SimulatedKubelet(_store, cache, events, rules, timers, Logger<SimulatedKubelet>()),
            new ReplicaSetController(_store, cache, events, timers, Logger<ReplicaSetController>()),
            new DeploymentController(_store, cache, events, timers, Logger<DeploymentController>()),
            new StatefulSetController(_store, cache, events, timers, Logger<StatefulSetController>()),
            new DaemonSetController(_store, cache, events, timers, Logger<DaemonSetController>()),
            new EndpointsController(_store, cache, events, timers, Logger<EndpointsController>()),
            new EndpointSliceController(_store, cache, events, timers, Logger<EndpointSliceController>()),
            new GarbageCollector(_store, cache, timers, Logger<GarbageCollector>()),
        ];

        cache.Start();
        rules.Refresh();
        foreach (var controller in controllers)
        {
            controller.EnqueueExisting();
        }

        await Task.WhenAll(controllers.Select(c => c.RunAsync(cancellationToken)).Append(timers.RunAsync(cancellationToken))).ConfigureAwait(false);
    }

    private ILogger Logger<T>() => _loggers.CreateLogger<T>();
}
