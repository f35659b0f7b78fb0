using System.Net.Http.Headers;
using k8s;
using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// One in-process sandbox per test class, reached over real HTTPS: a raw <see cref="HttpClient"/> that trusts only
/// the sandbox CA and sends the token, and a KubernetesClient built from the written kubeconfig.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kuberollout-api-tests-" + Guid.NewGuid().ToString("N"));

    public HttpClient Http { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Directory = Directory });
        Http = CreateHttpClient(withToken: true);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Server.KubeconfigPath));
    }

    public HttpClient CreateHttpClient(bool withToken)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && ReadinessProbe.IsIssuedBy(new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate), Server.CertificateAuthority);
        var client = new HttpClient(handler) { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token.Value);
        }

        return client;
    }

    /// <summary>A namespace of its own for one test, so that tests sharing a sandbox do not see each other's objects.</summary>
    public async Task<string> CreateNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = name } });
        return name;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it again after every store change.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        using var changed = new SemaphoreSlim(0);
        void Signal(KubeRollout.Sandbox.Storage.StoreEvent _) => changed.Release();
        Server.Store.Changed += Signal;
        try
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
            while (!await condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"Timed out waiting until {description}.");
                }

                await changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }
        finally
        {
            Server.Store.Changed -= Signal;
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Http?.Dispose();
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
