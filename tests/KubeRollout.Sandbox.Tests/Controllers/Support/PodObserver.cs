using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Controllers.Support;

/// <summary>
/// Follows every committed change of the pods (and ReplicaSets) of one app, in commit order, and runs a check after
/// each one: invariants are verified on every state the cluster passes through, not on samples.
/// </summary>
public sealed class PodObserver : IDisposable
{
    private readonly ClusterStore _store;
    private readonly string _app;
    private readonly Action<PodObserver, StoreEvent> _check;
    private readonly object _gate = new();

    public PodObserver(ClusterRegistry registry, string app, Action<PodObserver, StoreEvent> check)
    {
        _store = registry.Store;
        _app = app;
        _check = check;
        foreach (var pod in registry.List<V1Pod>(TestCluster.Namespace))
        {
            if (IsOfApp(pod.Metadata.Labels))
            {
                PodsByName[pod.Metadata.Name] = pod;
            }
        }

        foreach (var rs in registry.List<V1ReplicaSet>(TestCluster.Namespace))
        {
            if (IsOfApp(rs.Metadata.Labels))
            {
                ReplicaSetsByName[rs.Metadata.Name] = rs;
            }
        }

        _store.Changed += OnChanged;
    }

    public Dictionary<string, V1Pod> PodsByName { get; } = [];

    public Dictionary<string, V1ReplicaSet> ReplicaSetsByName { get; } = [];

    public List<string> Violations { get; } = [];

    public IEnumerable<V1Pod> ActivePods => PodsByName.Values.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase is not ("Succeeded" or "Failed"));

    public IEnumerable<V1Pod> ReadyPods => ActivePods.Where(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);

    public void Violation(string message)
    {
        lock (_gate)
        {
            Violations.Add(message);
        }
    }

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(StoreEvent change)
    {
        if (change.Object is V1Pod pod && IsOfApp(pod.Metadata.Labels))
        {
            if (change.Type == WatchEventType.Deleted)
            {
                PodsByName.Remove(pod.Metadata.Name);
            }
            else
            {
                PodsByName[pod.Metadata.Name] = pod;
            }
        }
        else if (change.Object is V1ReplicaSet rs && IsOfApp(rs.Metadata.Labels))
        {
            if (change.Type == WatchEventType.Deleted)
            {
                ReplicaSetsByName.Remove(rs.Metadata.Name);
            }
            else
            {
                ReplicaSetsByName[rs.Metadata.Name] = rs;
            }
        }
        else
        {
            return;
        }

        _check(this, change);
    }

    private bool IsOfApp(IDictionary<string, string>? labels) => labels?.TryGetValue("app", out var app) == true && app == _app;
}
