using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Simulation.Nodes;

/// <summary>
/// The simulated nodes' kubelets as far as the Node object goes: registers <c>sandbox-node-1…N</c> at start-up,
/// gives every node (also one created through the API) its labels, a pod CIDR and a Ready status, and refreshes
/// the condition heartbeats every five simulated minutes, as nodeStatusReportFrequency does.
/// </summary>
public sealed class NodeSimulator : QueueController<ObjectKey>
{
    public const string NamePrefix = "sandbox-node-";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(5);

    private readonly ClusterRegistry _store;
    private readonly ClusterCache _cache;
    private readonly int _initialNodes;

    public NodeSimulator(ClusterRegistry store, ClusterCache cache, SandboxOptions options, SimulatedTimers timers, ILogger logger)
        : base("node-simulator", workers: 1, timers, logger)
    {
        _store = store;
        _cache = cache;
        _initialNodes = options.Nodes;
        cache.Changed += change =>
        {
            if (change.Resource == ResourceOf<V1Node>.Type && change.Type != WatchEventType.Deleted)
            {
                Queue.Add(ObjectKey.Of(change.Object));
            }
        };
    }

    /// <summary>Registers the missing nodes of the configured count, then takes every node in hand.</summary>
    public override void EnqueueExisting()
    {
        for (var i = 1; i <= _initialNodes; i++)
        {
            var name = NamePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_cache.Get<V1Node>(null, name) is null)
            {
                try
                {
                    _store.Create(NewNode(name, i - 1), FieldManagers.Kubelet);
                }
                catch (StoreException e) when (e.Reason == "AlreadyExists")
                {
                }
            }
        }

        foreach (var node in _cache.List<V1Node>())
        {
            Queue.Add(ObjectKey.Of(node));
        }
    }

    protected override void Sync(ObjectKey key)
    {
        if (_cache.Get<V1Node>(key) is not { } node)
        {
            return;
        }

        var now = SimulatedTime.Truncate(Now);
        var index = PodCidrs.IndexOf(node.Spec?.PodCIDR);
        if (index is null || !HasStandardLabels(node))
        {
            RegisterNode(node, index ?? FreeIndex());
            return;
        }

        var heartbeat = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.LastHeartbeatTime;
        if (!SimulatedNodeStatus.IsReported(node) || heartbeat is null || now - heartbeat >= ReportEvery)
        {
            var readySince = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "True")?.LastTransitionTime ?? now;
            var updated = ObjectCopies.Shallow(node);
            updated.Status = SimulatedNodeStatus.Create(node.Metadata.Name, PodCidrs.NodeAddressFor(index.Value), readySince, now);
            _store.UpdateStatus(updated, FieldManagers.Kubelet);
            heartbeat = now;
        }

        Queue.AddAfter(key, heartbeat.Value + ReportEvery - Now);
    }

    /// <summary>A node created through the API gets what registration and node IPAM give it: labels and a pod CIDR.</summary>
    private void RegisterNode(V1Node node, int index)
    {
        var updated = ObjectCopies.Shallow(node);
        updated.Metadata = ObjectCopies.Shallow(node.Metadata);
        var labels = SimulatedNodeStatus.Labels(node.Metadata.Name);
        foreach (var (label, value) in node.Metadata.Labels ?? new Dictionary<string, string>())
        {
            labels[label] = value;
        }

        updated.Metadata.Labels = labels;
        updated.Spec = node.Spec is null ? new V1NodeSpec() : ObjectCopies.Shallow(node.Spec);
        if (PodCidrs.IndexOf(updated.Spec.PodCIDR) is null)
        {
            updated.Spec.PodCIDR = PodCidrs.PodCidrFor(index);
            updated.Spec.PodCIDRs = [updated.Spec.PodCIDR];
        }

        _store.Update(updated, FieldManagers.Kubelet);
    }

    private bool HasStandardLabels(V1Node node) =>
        SimulatedNodeStatus.Labels(node.Metadata.Name).Keys.All(label => node.Metadata.Labels?.ContainsKey(label) == true);

    private int FreeIndex()
    {
        var used = _cache.List<V1Node>().Select(n => PodCidrs.IndexOf(n.Spec?.PodCIDR)).OfType<int>().ToHashSet();
        var index = 0;
        while (used.Contains(index))
        {
            index++;
        }

        return index;
    }

    private static V1Node NewNode(string name, int index) => new()
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = SimulatedNodeStatus.Labels(name),
            Annotations = new Dictionary<string, string>
            {
                ["node.alpha.kubernetes.io/ttl"] = "0",
                ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
            },
        },
        Spec = new V1NodeSpec { PodCIDR = PodCidrs.PodCidrFor(index), PodCIDRs = [PodCidrs.PodCidrFor(index)] },
    };
}
