using KubeRollout.Sandbox.Hosting;
using KubeRollout.Sandbox.Tests.Api;

namespace KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

/// <summary>
/// One in-process sandbox at time scale 100 for kubectl rollout tests of StatefulSets and DaemonSets (pods start,
/// and minReadySeconds pass, a hundred times faster), with the real kubectl and the examples.
/// </summary>
public sealed class FastSandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kuberollout-workload-tests-" + Guid.NewGuid().ToString("N"));

    internal Kubectl Kubectl => new((_server ?? throw new InvalidOperationException("The sandbox has not started.")).KubeconfigPath, Directory);

    public async Task InitializeAsync() =>
        _server = await SandboxServer.StartAsync(new SandboxOptions { Directory = Directory, TimeScale = 100 });

    /// <summary>A namespace of its own for one test.</summary>
    public async Task<string> CreateNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var result = await Kubectl.RunAsync("create", "namespace", name);
        Assert.Equal(0, result.ExitCode);
        return name;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
