using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Hosting;

/// <summary>
/// The kuberollout-sandbox program run as users run it: its own process serving a folder, reached over HTTPS with
/// what its kubeconfig says (server, CA, token). Tests can kill it as a crash would (SIGKILL) and start it again.
/// </summary>
internal sealed partial class SandboxProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private SandboxProcess(Process process, string directory, Uri server, HttpClient http)
    {
        _process = process;
        Directory = directory;
        Server = server;
        Http = http;
    }

    public string Directory { get; }

    public Uri Server { get; }

    /// <summary>A client that trusts only the sandbox's CA and sends its token.</summary>
    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<SandboxProcess> StartAsync(string directory, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kuberollout-sandbox.dll"));
        foreach (var argument in new[] { "--dir", directory, "--time-scale", "20" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        if (ready is null || !ready.StartsWith("kuberollout-sandbox ready", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
            throw new InvalidOperationException($"The sandbox did not start (exit code {process.ExitCode}): {await stderr}");
        }

        _ = process.StandardOutput.ReadToEndAsync(); // keep the pipes drained
        var kubeconfig = await File.ReadAllTextAsync(Path.Combine(directory, "kubeconfig"));
        var server = new Uri(KubeconfigValue().Match(kubeconfig) is { Success: true } m ? m.Groups["server"].Value : throw new InvalidOperationException(kubeconfig));
        var token = TokenValue().Match(kubeconfig).Groups["token"].Value;
        var authority = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(
            System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(AuthorityValue().Match(kubeconfig).Groups["ca"].Value))
                .Replace("-----BEGIN CERTIFICATE-----", string.Empty, StringComparison.Ordinal)
                .Replace("-----END CERTIFICATE-----", string.Empty, StringComparison.Ordinal)));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && ReadinessProbe.IsIssuedBy(new X509Certificate2(certificate), authority);
        var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SandboxProcess(process, directory, server, http);
    }

    /// <summary>Kills the process at once, as a crash or <c>kill -9</c> would: nothing of it runs afterwards.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
    }

    /// <summary>Asks it to stop through its stop file and waits until it has.</summary>
    public async Task StopAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, "stop"), string.Empty);
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"server: (?<server>\S+)")]
    private static partial Regex KubeconfigValue();

    [GeneratedRegex(@"token: (?<token>\S+)")]
    private static partial Regex TokenValue();

    [GeneratedRegex(@"certificate-authority-data: (?<ca>\S+)")]
    private static partial Regex AuthorityValue();
}
