using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeRollout.Sandbox.Api;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Watch;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Security;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// A running sandbox: the HTTPS API server on 127.0.0.1, the cluster state and the controllers. The executable runs
/// one until it is told to stop; tests run one in-process with <see cref="StartAsync"/> and dispose it.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly SandboxCertificates _certificates;
    private readonly WatchHub _watches;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _controllers;
    private readonly ILogger _logger;
    private int _disposed;

    private SandboxServer(
        SandboxOptions options, WebApplication app, SandboxCertificates certificates, BearerToken token, ClusterRegistry registry,
        SimulatedClock clock, WatchHub watches, CancellationTokenSource stopping, Task controllers, Uri baseUrl, ILogger logger)
    {
        Options = options;
        _app = app;
        _certificates = certificates;
        Token = token;
        Registry = registry;
        Clock = clock;
        _watches = watches;
        _stopping = stopping;
        _controllers = controllers;
        BaseUrl = baseUrl;
        _logger = logger;
    }

    public SandboxOptions Options { get; }

    /// <summary>https://127.0.0.1:PORT</summary>
    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    public string KubeconfigPath => Path.Combine(Options.Directory, "kubeconfig");

    public string StateFilePath => Path.Combine(Options.Directory, SandboxStateFile.FileName);

    /// <summary>The cluster's registry: what the API serves and the controllers write through.</summary>
    public ClusterRegistry Registry { get; }

    /// <summary>The storage below the registry (its events drive watches and the controllers' cache).</summary>
    public ClusterStore Store => Registry.Store;

    public SimulatedClock Clock { get; }

    /// <summary>The CA that signed the server certificate (what the kubeconfig trusts).</summary>
    public X509Certificate2 CertificateAuthority => _certificates.Authority;

    internal BearerToken Token { get; }

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("KubeRollout.Sandbox");
        Directory.CreateDirectory(options.Directory);
        File.Delete(Path.Combine(options.Directory, StopSignal.StopFileName));

        var clock = new SimulatedClock(options.TimeScale);
        var store = new ClusterStore();
        var registry = new ClusterRegistry(store, clock);
        var serialized = new SerializedObjects();
        var watches = new WatchHub(store, serialized);
        var certificates = SandboxCertificates.Create(DateTimeOffset.UtcNow);
        var token = BearerToken.Generate();
        var stopping = new CancellationTokenSource();
        var api = new ApiContext(registry, clock, watches, new ResponseWriter(serialized, clock), logger, stopping.Token);

        ApiServer? server = null;
        var app = BuildWebApplication(options, certificates, loggerFactory, context => server!.HandleAsync(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // Nothing else holds these yet (for instance the port was taken).
            await app.DisposeAsync();
            watches.Dispose();
            stopping.Dispose();
            certificates.Dispose();
            throw;
        }

        var baseUrl = ListeningAddress(app);
        server = new ApiServer(api, token, $"127.0.0.1:{baseUrl.Port}");

        ClusterBootstrap.Seed(registry, baseUrl.Port);
        var controllers = RunControllersAsync(new ClusterComponents(registry, clock, options), logger, stopping.Token);
        var sandbox = new SandboxServer(options, app, certificates, token, registry, clock, watches, stopping, controllers, baseUrl, logger);
        try
        {
            KubeconfigFile.Write(sandbox.KubeconfigPath, baseUrl, certificates.AuthorityPem, token.Value);
            await ReadinessProbe.WaitUntilReadyAsync(baseUrl, token, certificates.Authority, cancellationToken);
            SandboxStateFile.Write(sandbox.StateFilePath, new SandboxState(
                baseUrl.GetLeftPart(UriPartial.Authority), baseUrl.Port, Environment.ProcessId, sandbox.KubeconfigPath,
                KubeconfigFile.ContextName, DateTimeOffset.UtcNow));
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }

        return sandbox;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("The API server did not stop within {Timeout}.", ShutdownTimeout);
            }
        }

        await _controllers.WaitAsync(ShutdownTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
        await _app.DisposeAsync();
        _watches.Dispose();
        _stopping.Dispose();
        _certificates.Dispose();
        File.Delete(StateFilePath);
        File.Delete(Path.Combine(Options.Directory, StopSignal.StopFileName));
    }

    private static WebApplication BuildWebApplication(
        SandboxOptions options, SandboxCertificates certificates, ILoggerFactory loggerFactory, RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "kuberollout-sandbox" });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the API enforces its own limit with a Status answer
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificates.Server);
            });
        });
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    private static async Task RunControllersAsync(ClusterComponents controllers, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await Task.Run(() => controllers.RunAsync(stopping), stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            logger.LogError(error, "The controllers stopped with an error; the API keeps serving.");
        }
    }
}
