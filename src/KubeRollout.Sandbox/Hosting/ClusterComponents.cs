using KubeRollout.Sandbox.Controllers.CronJobs;
using KubeRollout.Sandbox.Controllers.DaemonSets;
using KubeRollout.Sandbox.Controllers.Deployments;
using KubeRollout.Sandbox.Controllers.GarbageCollection;
using KubeRollout.Sandbox.Controllers.Jobs;
using KubeRollout.Sandbox.Controllers.Namespaces;
using KubeRollout.Sandbox.Controllers.ReplicaSets;
using KubeRollout.Sandbox.Controllers.ServiceAccounts;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;
using KubeRollout.Sandbox.Controllers.StatefulSets;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Registry.Core.Events;
using KubeRollout.Sandbox.Simulation;
using KubeRollout.Sandbox.Simulation.Kubelet;
using KubeRollout.Sandbox.Simulation.Nodes;
using KubeRollout.Sandbox.Simulation.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// Runs what a cluster runs besides the API server: the simulated nodes and kubelet, the scheduler, the ReplicaSet,
/// Deployment, StatefulSet, DaemonSet, Job, CronJob, namespace, serviceaccount, Endpoints and EndpointSlice controllers and the garbage collector, all on one shared cache of the store and one simulated
/// timer loop. <see cref="RunAsync"/> returns when the token is cancelled and every worker has stopped.
/// </summary>
public sealed class ClusterComponents
{
    private readonly ClusterRegistry _registry;
    private readonly ISimulatedClock _clock;
    private readonly SandboxOptions _options;
    private readonly ILoggerFactory _loggers;
    private int _started;

    public ClusterComponents(ClusterRegistry registry, ISimulatedClock clock, SandboxOptions options, ILoggerFactory? loggerFactory = null)
    {
        _registry = registry;
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

        using var cache = new ClusterCache(_registry.Store, Logger<ClusterCache>());
        var timers = new SimulatedTimers(_clock);
        var events = new EventRecorder(_registry, _clock);
        var rules = new FailureRulesSource(_options, cache);
        IRunnableController[] controllers =
        [
            events,
            new NodeSimulator(_registry, cache, _options, timers, Logger<NodeSimulator>()),
            new Scheduler(_registry, cache, events, timers, Logger<Scheduler>()),
            new SimulatedKubelet(_registry, cache, events, rules, timers, Logger<SimulatedKubelet>()),
            new ReplicaSetController(_registry, cache, events, timers, Logger<ReplicaSetController>()),
            new DeploymentController(_registry, cache, events, timers, Logger<DeploymentController>()),
            new StatefulSetController(_registry, cache, events, timers, Logger<StatefulSetController>()),
            new DaemonSetController(_registry, cache, events, timers, Logger<DaemonSetController>()),
            new JobController(_registry, cache, events, timers, Logger<JobController>()),
            new CronJobController(_registry, cache, events, timers, Logger<CronJobController>()),
            new GarbageCollector(_registry, cache, timers, Logger<GarbageCollector>()),
            new NamespaceController(_registry, cache, timers, Logger<NamespaceController>()),
            new ServiceAccountsController(_registry, cache, timers, Logger<ServiceAccountsController>()),
            new EndpointsController(_registry, cache, events, timers, Logger<EndpointsController>()),
            new EndpointSliceController(_registry, cache, events, timers, Logger<EndpointSliceController>()),
            new EventTimeToLive(_registry, cache, _clock, Logger<EventTimeToLive>()),
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
