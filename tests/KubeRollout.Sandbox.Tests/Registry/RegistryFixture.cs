using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Registry;

/// <summary>A registry over a fresh store, with a clock the test moves and the default namespace.</summary>
internal sealed class RegistryFixture
{
    public RegistryFixture()
    {
        Registry = new ClusterRegistry(Store, Clock);
        Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "default" } }, "test");
    }

    public ManualClock Clock { get; } = new();

    public ClusterStore Store { get; } = new();

    public ClusterRegistry Registry { get; }

    /// <summary>Parses a manifest as kubectl sends it (JSON) into the model of its kind.</summary>
    public static T Manifest<T>(string json)
        where T : class, IKubernetesObject<V1ObjectMeta> => KubernetesJson.Deserialize<T>(json);

    public static StoreException Rejected(Action write) => Assert.ThrowsAny<StoreException>(write);

    /// <summary>Creates an object the registry must refuse as 422 Invalid, and returns the error.</summary>
    public StoreException Reject<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var error = Rejected(() => Registry.Create(obj, "kubectl"));
        Assert.Equal(422, error.Code);
        Assert.Equal("Invalid", error.Reason);
        return error;
    }

    /// <summary>A valid three-replica Deployment, changed as a test needs.</summary>
    public static V1Deployment Vweb(Action<V1Deployment>? change = null)
    {
        var deployment = Manifest<V1Deployment>("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"vweb"}},
               "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
                 "spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1"}]}}}}
            """);
        change?.Invoke(deployment);
        return deployment;
    }

    /// <summary>Reads an object back as a client would send it again (a deep copy through JSON).</summary>
    public static T Copy<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta> => Manifest<T>(ModelJson.Serialize(obj));
}

/// <summary>Sandbox time that moves only when a test says so.</summary>
internal sealed class ManualClock : TimeProvider, ISimulatedClock
{
    public DateTime UtcNow { get; set; } = new(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);

    public double TimeScale => 1;

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);

    public Task Delay(TimeSpan simulated, CancellationToken cancellationToken) => Task.Delay(simulated, cancellationToken);
}
