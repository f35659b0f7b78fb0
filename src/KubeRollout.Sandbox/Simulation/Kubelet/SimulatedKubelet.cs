using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Simulation.Nodes;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// The kubelets of all simulated nodes. A pod bound to a node starts (ContainerCreating for a start-up delay of 1–2
/// simulated seconds), runs and becomes Ready after its readiness probe's initial delay, or fails as the
/// <see cref="FailureRulesSource">failure rules</see> and <see cref="BehaviorAnnotations"/> say. Each transition
/// is a status update at its simulated time (a timer, no polling). A pod whose ConfigMap or Secret volumes, or whose
/// containers' env sources, are missing waits as a kubelet's would (<see cref="PodStartup"/>,
/// <see cref="ConfigSourceCheck"/>): ContainerCreating with FailedMount events, or CreateContainerConfigError, retried
/// until the object appears. A deleted pod is Terminating for a short grace
/// (1 s, at most its grace period) and then removed; a pod whose node is gone is removed at once (pod GC).
/// </summary>
public sealed class SimulatedKubelet : QueueController<ObjectKey>
{
    private static readonly TimeSpan StopTime = TimeSpan.FromSeconds(1);

    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;
    private readonly EventRecorder _events;
    private readonly FailureRulesSource _rules;
    private readonly PodAddressAllocator _addresses = new();
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, PodRuntime> _runtimes = [];

    public SimulatedKubelet(ClusterRegistry store, ClusterCache cache, EventRecorder events, FailureRulesSource rules, SimulatedTimers timers, ILogger logger)
        : base("kubelet", workers: 1, timers, logger)
    {
        _store = store;
        _cache = cache;
        _events = events;
        _rules = rules;
        cache.Changed += OnChanged;
    }

    public override void EnqueueExisting()
    {
        foreach (var pod in _cache.List<V1Pod>())
        {
            if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                Queue.Add(ObjectKey.Of(pod));
            }
        }
    }

    protected override void Sync(ObjectKey key)
    {
        var pod = _cache.Get<V1Pod>(key);
        if (pod is null || string.IsNullOrEmpty(pod.Spec?.NodeName))
        {
            Forget(key);
            return;
        }

        if (_cache.Get<V1Node>(null, pod.Spec.NodeName) is not { } node)
        {
            RemovePod(pod);
            return;
        }

        var now = Now;
        var runtime = RuntimeFor(key, pod, node, now);
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            Terminate(key, pod, runtime, now);
            return;
        }

        if (PodConditions.IsTerminal(pod))
        {
            return;
        }

        var events = new List<KubeletEvent>();
        var @namespace = pod.Metadata.NamespaceProperty;
        var config = new ConfigLookup(name => _cache.Get<V1ConfigMap>(@namespace, name), name => _cache.Get<V1Secret>(@namespace, name));
        var context = new ContainerContext(
            image => BehaviorAnnotations.Override(pod) ?? _rules.Current.BehaviorFor(image),
            BehaviorAnnotations.CrashAfter(pod),
            pod.Spec.RestartPolicy ?? "Always",
            $"{pod.Metadata.Name}_{@namespace}({pod.Metadata.Uid})",
            name => pod.Spec.Containers.FirstOrDefault(c => c.Name == name) is { } container ? ConfigSourceCheck.EnvError(container, @namespace, config) : null);
        runtime.Advance(now, pod, config, context, events);
        Report(pod, node, events);

        // Syncs are driven by transitions, so the status has almost always changed; the store drops a no-op write.
        var updated = ObjectCopies.Shallow(pod);
        updated.Status = PodStatusBuilder.Build(pod, runtime, HostIP(node), now);
        _store.UpdateStatus(updated, FieldManagers.Kubelet);

        if (runtime.NextTransition is { } next)
        {
            Queue.AddAfter(key, next - now);
        }
    }

    private PodRuntime RuntimeFor(ObjectKey key, V1Pod pod, V1Node node, DateTime now)
    {
        lock (_gate)
        {
            if (_runtimes.TryGetValue(key, out var runtime) && runtime.Uid == pod.Metadata.Uid)
            {
                return runtime;
            }

            if (runtime is not null)
            {
                _addresses.Release(runtime.PodIP);
            }

            var podIP = pod.Status?.PodIP is { } reported ? _addresses.Reserve(reported) : _addresses.Allocate(node.Spec?.PodCIDR);
            runtime = new PodRuntime(pod, pod.Status?.StartTime ?? now, StartupDelay(pod), podIP);
            _runtimes[key] = runtime;
            return runtime;
        }
    }

    /// <summary>Stops the containers for a short grace, then deletes the pod for good (grace period 0).</summary>
    private void Terminate(ObjectKey key, V1Pod pod, PodRuntime runtime, DateTime now)
    {
        if (runtime.KillingSince is null)
        {
            runtime.KillingSince = now;
            foreach (var container in runtime.Containers.Where(c => c.Stage == ContainerStage.Running))
            {
                _events.Normal(pod, EventSource.Kubelet(pod.Spec.NodeName), "Killing", $"Stopping container {container.Name}", ContainerPath(container.Name));
            }
        }

        var grace = TimeSpan.FromSeconds(Math.Max(0, pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30));
        var removeAt = runtime.KillingSince.Value + (grace < StopTime ? grace : StopTime);
        if (now < removeAt)
        {
            Queue.AddAfter(key, removeAt - now);
            return;
        }

        RemovePod(pod);
    }

    private void RemovePod(V1Pod pod)
    {
        try
        {
            _store.Delete(ResourceOf<V1Pod>.Type, pod.Metadata.NamespaceProperty, pod.Metadata.Name, new DeleteRequest(PreconditionUid: pod.Metadata.Uid, GracePeriodSeconds: 0));
        }
        catch (StoreNotFoundException)
        {
        }
        catch (StoreConflictException)
        {
            // Another pod of that name: this one is gone already.
        }
    }

    private void Forget(ObjectKey key)
    {
        lock (_gate)
        {
            if (_runtimes.Remove(key, out var runtime))
            {
                _addresses.Release(runtime.PodIP);
            }
        }
    }

    private void Report(V1Pod pod, V1Node node, List<KubeletEvent> events)
    {
        var source = EventSource.Kubelet(node.Metadata.Name);
        foreach (var e in events)
        {
            _events.Record(pod, source, e.Type, e.Reason, e.Message, e.FieldPath ?? (e.ContainerName is null ? null : ContainerPath(e.ContainerName)));
        }
    }

    private static string ContainerPath(string container) => $"spec.containers{{{container}}}";

    private static string HostIP(V1Node node) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address
        ?? PodCidrs.NodeAddressFor(PodCidrs.IndexOf(node.Spec?.PodCIDR) ?? 0);

    /// <summary>1–2 simulated seconds, fixed per pod (derived from its uid) so runs are repeatable.</summary>
    private static TimeSpan StartupDelay(V1Pod pod)
    {
        var hash = (uint)StringComparer.Ordinal.GetHashCode(pod.Metadata.Uid ?? string.Empty);
        return TimeSpan.FromMilliseconds(1000 + (hash % 1000));
    }

    /// <summary>A status update shares the stored spec object, so an unchanged spec reference means only status changed.</summary>
    private static bool IsStatusOnlyChange(CacheEvent change, V1Pod pod) =>
        change.Type == WatchEventType.Modified
        && change.Old is V1Pod old
        && ReferenceEquals(old.Spec, pod.Spec)
        && old.Metadata.DeletionTimestamp == pod.Metadata.DeletionTimestamp
        && ReferenceEquals(old.Metadata.Annotations, pod.Metadata.Annotations);

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Pod>.Type)
        {
            var pod = (V1Pod)change.Object;
            if (IsStatusOnlyChange(change, pod))
            {
                return; // the kubelet's own reports (and other status writes) need no reaction
            }

            if (!string.IsNullOrEmpty(pod.Spec?.NodeName) || change.Type == WatchEventType.Deleted)
            {
                Queue.Add(ObjectKey.Of(pod));
            }
        }
        else if (change.Resource == ResourceOf<V1Node>.Type && change.Type == WatchEventType.Deleted)
        {
            foreach (var pod in _cache.PodsOnNode(change.Object.Metadata.Name))
            {
                Queue.Add(ObjectKey.Of(pod));
            }
        }
    }
}
