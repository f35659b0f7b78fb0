using k8s;
using KubeRollout.Sandbox.Hosting;
using KubeRollout.Sandbox.Tests.Api;

namespace KubeRollout.Sandbox.Tests.Hosting;

/// <summary>Every timestamp a running sandbox writes is simulated time, managedFields times included.</summary>
public sealed class SandboxClockTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-clock-tests-" + Guid.NewGuid().ToString("N"));
    private SandboxServer? _server;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { Directory = _directory, TimeScale = 1000 });

    [Fact]
    public async Task ManagedFields_times_of_ordinary_writes_are_simulated_time()
    {
        var server = _server!;
        while (server.Clock.UtcNow - DateTime.UtcNow < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(server.KubeconfigPath));
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("clock"), "default", fieldManager: "kubectl-create");

        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal(created.Metadata.CreationTimestamp, entry.Time);
        Assert.True(entry.Time > DateTime.UtcNow.AddMinutes(4), $"{entry.Time:O} is wall time, not the sandbox's");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
