using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeRollout.Sandbox.Api;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Watch;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Security;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Storage.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
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
    private readonly SandboxLock _folderLock;
    private readonly SandboxIdentity _identity;
    private readonly SandboxCertificates _certificates;
    private readonly WatchHub _watches;
    private readonly StateJournal _journal;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _controllers;
    private readonly ILogger _logger;
    private int _disposed;

    private SandboxServer(
        SandboxOptions options, WebApplication app, SandboxLock folderLock, SandboxIdentity identity, SandboxCertificates certificates, ClusterRegistry registry,
        SimulatedClock clock, WatchHub watches, StateJournal journal, CancellationTokenSource stopping, Task controllers, Uri baseUrl, ILogger logger)
    {
        Options = options;
        _app = app;
        _folderLock = folderLock;
        _identity = identity;
        _certificates = certificates;
        Token = identity.Token;
        Registry = registry;
        Clock = clock;
        _watches = watches;
        _journal = journal;
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
        SecretFile.RequirePrivateFolder(options.Directory);
        var folderLock = SandboxLock.Acquire(options.Directory);
        StateJournal? journal = null;
        SandboxIdentity? identity = null;
        SandboxCertificates? certificates = null;
        try
        {
            File.Delete(Path.Combine(options.Directory, StopSignal.StopFileName));
            identity = SandboxIdentity.LoadOrCreate(options.Directory, DateTimeOffset.UtcNow);
            certificates = SandboxCertificates.Create(DateTimeOffset.UtcNow, identity.Authority);
            var store = new ClusterStore();
            journal = StateJournal.Open(
                options.Directory, options.Fresh, store, ResourceRegistry.Resources.ToList(), resumed => new SimulatedClock(options.TimeScale, resumed), out var clock, logger);
            return await StartServingAsync(options, folderLock, identity, certificates, store, journal, clock, loggerFactory, logger, cancellationToken);
        }
        catch
        {
            if (journal is not null)
            {
                await journal.DisposeAsync();
            }

            certificates?.Dispose();
            identity?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    private static async Task<SandboxServer> StartServingAsync(
        SandboxOptions options, SandboxLock folderLock, SandboxIdentity identity, SandboxCertificates certificates, ClusterStore store, StateJournal journal,
        SimulatedClock clock, ILoggerFactory loggerFactory, ILogger logger, CancellationToken cancellationToken)
    {
        var registry = new ClusterRegistry(store, clock);
        var serialized = new SerializedObjects();
        var watches = new WatchHub(store, serialized);
        var token = identity.Token;
        var stopping = new CancellationTokenSource();
        var api = new ApiContext(registry, clock, watches, new ResponseWriter(serialized, clock), journal, logger, stopping.Token);

        ApiServer? server = null;
        WebApplication app;
        try
        {
            app = await ListenAsync(options, certificates, loggerFactory, context => server!.HandleAsync(context), cancellationToken);
        }
        catch
        {
            watches.Dispose();
            stopping.Dispose();
            throw;
        }

        var baseUrl = ListeningAddress(app);
        server = new ApiServer(api, token, $"127.0.0.1:{baseUrl.Port}");

        ClusterBootstrap.Seed(registry, baseUrl.Port);
        var controllers = Task.WhenAll(
            RunControllersAsync(new ClusterComponents(registry, clock, options), logger, stopping.Token),
            IdleMemoryTrimmer.RunAsync(logger, stopping.Token));
        var sandbox = new SandboxServer(options, app, folderLock, identity, certificates, registry, clock, watches, journal, stopping, controllers, baseUrl, logger);
        try
        {
            KubeconfigFile.Write(sandbox.KubeconfigPath, baseUrl, certificates.AuthorityPem, token.Value);
            await ReadinessProbe.WaitUntilReadyAsync(baseUrl, token, certificates.Authority, cancellationToken);
            SandboxStateFile.Write(sandbox.StateFilePath, new SandboxState(
                baseUrl.GetLeftPart(UriPartial.Authority), baseUrl.Port, Environment.ProcessId, sandbox.KubeconfigPath,
                KubeconfigFile.ContextName, DateTimeOffset.UtcNow, ProcessStartMarker.Current(), Environment.GetCommandLineArgs()[0], options.Directory));
            logger.LogInformation("Serving {Server} for {Directory} (process {ProcessId}).", baseUrl, options.Directory, Environment.ProcessId);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }

        return sandbox;
    }

    /// <summary>
    /// Listens on the port asked for; without one, on the port a previous run in the folder had (so that its
    /// kubeconfig keeps working) when it is free, else on any free port.
    /// </summary>
    private static async Task<WebApplication> ListenAsync(
        SandboxOptions options, SandboxCertificates certificates, ILoggerFactory loggerFactory, RequestDelegate handler, CancellationToken cancellationToken)
    {
        if (options.Port == 0 && KubeconfigFile.PreviousPort(Path.Combine(options.Directory, "kubeconfig")) is { } previous)
        {
            var again = BuildWebApplication(previous, certificates, loggerFactory, handler);
            try
            {
                await again.StartAsync(cancellationToken);
                return again;
            }
            catch (IOException)
            {
                await again.DisposeAsync(); // taken meanwhile: any free port then
            }
        }

        var app = BuildWebApplication(options.Port, certificates, loggerFactory, handler);
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
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
        await _journal.DisposeAsync(); // after the controllers: their last writes are kept too
        _stopping.Dispose();
        _certificates.Dispose();
        _identity.Dispose();
        File.Delete(StateFilePath);
        File.Delete(Path.Combine(Options.Directory, StopSignal.StopFileName));
        _folderLock.Dispose(); // last: until here the folder is this sandbox's
    }

    private static WebApplication BuildWebApplication(int port, SandboxCertificates certificates, ILoggerFactory loggerFactory, RequestDelegate handler)
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
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificates.Server,
                    OnAuthenticate = (_, tls) => tls.CipherSuitesPolicy = ApiServerCipherSuites.Policy,
                });
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
