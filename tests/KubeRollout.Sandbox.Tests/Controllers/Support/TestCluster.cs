using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Hosting;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Controllers.Support;

/// <summary>
/// A store with the controller manager running on a fast simulated clock, plus helpers that wait for conditions on
/// store events (never fixed sleeps).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Namespace = "default";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestCluster(double timeScale = 100, int nodes = 3, IReadOnlyList<string>? failingImages = null)
    {
        Clock = new SimulatedClock(timeScale);
        Registry = new ClusterRegistry(Store, Clock);
        foreach (var ns in new[] { "default", "kube-system" })
        {
            Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, "test");
        }

        Options = new SandboxOptions { Directory = Path.GetTempPath(), Nodes = nodes, TimeScale = timeScale, FailingImages = failingImages ?? [] };
        Manager = new ClusterComponents(Registry, Clock, Options);
        _running = Task.Run(() => Manager.RunAsync(_stop.Token));
    }

    public SimulatedClock Clock { get; }

    public ClusterStore Store { get; } = new();

    public ClusterRegistry Registry { get; }

    public SandboxOptions Options { get; }

    public ClusterComponents Manager { get; }

    public IReadOnlyList<V1Pod> Pods(string? labelSelector = null) =>
        Registry.List<V1Pod>(Namespace, labelSelector is null ? null : new V1LabelSelector { MatchLabels = ParseLabels(labelSelector) });

    /// <summary>Pods not being deleted (what a rollout counts).</summary>
    public IReadOnlyList<V1Pod> ActivePods(string? labelSelector = null) =>
        Pods(labelSelector).Where(p => p.Metadata.DeletionTimestamp is null).ToList();

    public V1Deployment Deployment(string name) => Registry.Get<V1Deployment>(Namespace, name) ?? throw new InvalidOperationException($"deployment {name} not found");

    public IReadOnlyList<V1ReplicaSet> ReplicaSetsOf(V1Deployment deployment) =>
        Registry.List<V1ReplicaSet>(Namespace).Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Uid == deployment.Metadata.Uid) == true).ToList();

    public IReadOnlyList<Corev1Event> EventsFor(string name) =>
        Registry.List<Corev1Event>(Namespace).Where(e => e.InvolvedObject.Name == name).ToList();

    /// <summary>Changes a stored object (read, mutate a copy, update), retrying on conflicts with the controllers.</summary>
    public T Modify<T>(string name, Action<T> change, string? @namespace = Namespace)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 0; ; attempt++)
        {
            var copy = ObjectCloner.Clone(Registry.Get<T>(@namespace, name) ?? throw new InvalidOperationException($"{name} not found"));
            change(copy);
            try
            {
                return Registry.Update(copy, "test");
            }
            catch (StoreConflictException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every store change.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        using var changed = new SemaphoreSlim(0);
        void Signal(StoreEvent _) => changed.Release();
        Store.Changed += Signal;
        try
        {
            var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"Timed out waiting until {description}.");
                }

                if (_running.IsCompleted)
                {
                    await _running;
                    throw new InvalidOperationException("The controller manager stopped.");
                }

                await changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }
        finally
        {
            Store.Changed -= Signal;
        }
    }

    public async Task<V1Deployment> WaitForRolloutAsync(string name, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => IsRolledOut(Deployment(name)), $"deployment {name} is rolled out", timeout);
        return Deployment(name);
    }

    /// <summary>kubectl rollout status's success criteria.</summary>
    public static bool IsRolledOut(V1Deployment d)
    {
        var status = d.Status;
        var replicas = d.Spec.Replicas ?? 1;
        return status is not null
            && (status.ObservedGeneration ?? 0) >= (d.Metadata.Generation ?? 0)
            && (status.UpdatedReplicas ?? 0) == replicas
            && (status.Replicas ?? 0) == replicas
            && (status.AvailableReplicas ?? 0) == replicas;
    }

    /// <summary>Lets simulated time pass (for asserting that something does not happen).</summary>
    public Task PassSimulatedTime(TimeSpan simulated) => Clock.Delay(simulated, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private static Dictionary<string, string> ParseLabels(string selector) =>
        selector.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
