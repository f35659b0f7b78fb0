using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Scheduling;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Simulation.Scheduling;

/// <summary>
/// The default scheduler: binds each pending pod without a node (and for the default scheduler) to a node that fits
/// (<see cref="NodeFit"/>), spreading by choosing the node with the fewest pods, and sets PodScheduled. A pod that
/// fits nowhere stays Pending with PodScheduled False, reason Unschedulable and kube-scheduler's message, and is
/// retried when nodes change or pods go.
/// </summary>
public sealed class Scheduler : QueueController<ObjectKey>
{
    public const string DefaultSchedulerName = "default-scheduler";

    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;
    private readonly EventRecorder _events;
    private readonly object _gate = new();
    private readonly HashSet<ObjectKey> _unschedulable = [];

    public Scheduler(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("scheduler", workers: 1, timers, logger)
    {
        _store = store;
        _cache = cache;
        _events = events;
        cache.Changed += OnChanged;
    }

    public override void EnqueueExisting()
    {
        foreach (var pod in _cache.List<V1Pod>())
        {
            if (NeedsScheduling(pod))
            {
                Queue.Add(ObjectKey.Of(pod));
            }
        }
    }

    protected override void Sync(ObjectKey key)
    {
        if (_cache.Get<V1Pod>(key) is not { } pod || !NeedsScheduling(pod))
        {
            Forget(key);
            return;
        }

        var nodes = _cache.List<V1Node>();
        nodes.Sort((a, b) => string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name));
        V1Node? chosen = null;
        var chosenCount = int.MaxValue;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var count = _cache.ActivePodCountOnNode(node.Metadata.Name);
            if (NodeFit.Check(pod, node, count) is { } reason)
            {
                failures[reason] = failures.GetValueOrDefault(reason) + 1;
            }
            else if (count < chosenCount)
            {
                chosen = node;
                chosenCount = count;
            }
        }

        if (chosen is null)
        {
            MarkUnschedulable(key, pod, nodes.Count, failures);
            return;
        }

        Forget(key);
        Bind(pod, chosen);
    }

    /// <summary>Posts the binding: the pod gets its node and the PodScheduled condition.</summary>
    private void Bind(V1Pod pod, V1Node node)
    {
        _store.Bind(pod, node.Metadata.Name);
        _events.Normal(pod, EventSource.Scheduler, "Scheduled", $"Successfully assigned {pod.Metadata.NamespaceProperty}/{pod.Metadata.Name} to {node.Metadata.Name}");
    }

    private void MarkUnschedulable(ObjectKey key, V1Pod pod, int nodeCount, Dictionary<string, int> failures)
    {
        lock (_gate)
        {
            _unschedulable.Add(key);
        }

        var message = UnschedulableMessage(nodeCount, failures);
        var current = PodConditions.Find(pod, PodConditions.PodScheduled);
        if (current is { Status: "False", Reason: "Unschedulable" } && current.Message == message)
        {
            return;
        }

        var updated = ObjectCopies.Shallow(pod);
        updated.Status = ObjectCopies.Shallow(pod.Status ?? new V1PodStatus());
        updated.Status.Phase ??= PodConditions.Pending;
        updated.Status.Conditions = WithScheduledCondition(pod.Status?.Conditions, new V1PodCondition
        {
            Type = PodConditions.PodScheduled,
            Status = "False",
            Reason = "Unschedulable",
            Message = message,
            LastTransitionTime = SimulatedTime.Truncate(Now),
        });
        _store.UpdateStatus(updated, FieldManagers.Scheduler);
        _events.Warning(pod, EventSource.Scheduler, "FailedScheduling", message);
    }

    /// <summary>"0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: …"</summary>
    public static string UnschedulableMessage(int nodeCount, IReadOnlyDictionary<string, int> failures)
    {
        if (nodeCount == 0)
        {
            return "no nodes available to schedule pods";
        }

        var reasons = failures.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")).Order(StringComparer.Ordinal);
        var notHelpful = failures.Where(p => !NodeFit.PreemptionMayHelp(p.Key)).Sum(p => p.Value);
        var noVictims = nodeCount - notHelpful;
        var preemption = new List<string>();
        if (noVictims > 0)
        {
            preemption.Add(string.Create(CultureInfo.InvariantCulture, $"{noVictims} No preemption victims found for incoming pod"));
        }

        if (notHelpful > 0)
        {
            preemption.Add(string.Create(CultureInfo.InvariantCulture, $"{notHelpful} Preemption is not helpful for scheduling"));
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"0/{nodeCount} nodes are available: {string.Join(", ", reasons)}. preemption: 0/{nodeCount} nodes are available: {string.Join(", ", preemption)}.");
    }

    private static List<V1PodCondition> WithScheduledCondition(IList<V1PodCondition>? conditions, V1PodCondition scheduled) =>
        [.. (conditions ?? []).Where(c => c.Type != PodConditions.PodScheduled), scheduled];

    private static bool NeedsScheduling(V1Pod pod) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName)
        && pod.Metadata.DeletionTimestamp is null
        && !PodConditions.IsTerminal(pod)
        && (pod.Spec?.SchedulerName ?? DefaultSchedulerName) == DefaultSchedulerName;

    private void Forget(ObjectKey key)
    {
        lock (_gate)
        {
            _unschedulable.Remove(key);
        }
    }

    private void RetryUnschedulable()
    {
        List<ObjectKey> keys;
        lock (_gate)
        {
            keys = [.. _unschedulable];
        }

        foreach (var key in keys)
        {
            Queue.Add(key);
        }
    }

    private void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Pod>.Type)
        {
            var pod = (V1Pod)change.Object;
            if (change.Type != WatchEventType.Deleted && NeedsScheduling(pod))
            {
                Queue.Add(ObjectKey.Of(pod));
            }
            else if (change.Type == WatchEventType.Deleted && !string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                RetryUnschedulable();
            }
        }
        else if (change.Resource == ResourceOf<V1Node>.Type)
        {
            RetryUnschedulable();
        }
    }
}
