using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Admission;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Admission;

/// <summary>A store with the real admission chain and a clock the test moves.</summary>
internal sealed class AdmissionFixture
{
    public AdmissionFixture()
    {
        Store = new ClusterStore(Clock, AdmissionChain.Create(Clock));
        Store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "default" } }, "test");
    }

    public ManualClock Clock { get; } = new();

    public ClusterStore Store { get; }

    /// <summary>Parses a manifest as kubectl sends it (JSON) into the model of its kind.</summary>
    public static T Manifest<T>(string json)
        where T : class, IKubernetesObject<V1ObjectMeta> => KubernetesJson.Deserialize<T>(json);

    public static StoreException Rejected(Action write) => Assert.ThrowsAny<StoreException>(write);
}

internal sealed class ManualClock : ISimulatedClock
{
    public double TimeScale => 1;

    public DateTime UtcNow { get; set; } = new(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);

    public Task Delay(TimeSpan simulated, CancellationToken cancellationToken) => Task.CompletedTask;
}
