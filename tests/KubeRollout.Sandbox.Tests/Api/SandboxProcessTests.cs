using System.Diagnostics;
using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>The kuberollout-sandbox executable itself: usage errors, readiness line, state files, clean stops.</summary>
public sealed class SandboxProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-process-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Bad_arguments_print_usage_on_stderr_and_exit_2()
    {
        using var process = Start("--nodes", "3");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--dir is required", error);
        Assert.Contains("Usage: kuberollout-sandbox --dir DIR", error);
        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task It_announces_readiness_writes_its_files_and_stops_when_the_stop_file_appears()
    {
        using var process = Start("--dir", _directory);
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);
        var state = SandboxStateFile.Read(Path.Combine(_directory, SandboxStateFile.FileName));
        var kubeconfig = await File.ReadAllTextAsync(Path.Combine(_directory, "kubeconfig"));

        await File.WriteAllTextAsync(Path.Combine(_directory, "stop"), string.Empty);
        await process.WaitForExitAsync().WaitAsync(Timeout);

        Assert.StartsWith("kuberollout-sandbox ready: server https://127.0.0.1:", ready);
        Assert.NotNull(state);
        Assert.Equal(process.Id, state.ProcessId);
        Assert.Equal("kuberollout-sandbox", state.Context);
        Assert.Equal(Path.Combine(_directory, "kubeconfig"), state.Kubeconfig);
        Assert.Contains($"server: {state.Server}", kubeconfig);
        Assert.Equal(0, process.ExitCode);
        Assert.False(File.Exists(Path.Combine(_directory, SandboxStateFile.FileName)));
        Assert.False(File.Exists(Path.Combine(_directory, "stop")));
    }

    [Fact]
    public async Task It_stops_cleanly_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX signals there; the stop file is the portable way
        }

        using var process = Start("--dir", _directory);
        await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().WaitAsync(Timeout);
        }

        await process.WaitForExitAsync().WaitAsync(Timeout);
        Assert.Equal(0, process.ExitCode);
        Assert.False(File.Exists(Path.Combine(_directory, SandboxStateFile.FileName)));
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_without_leaving_state_behind()
    {
        await using var first = await SandboxServer.StartAsync(new SandboxOptions { Directory = Path.Combine(_directory, "first") });

        var error = await Record.ExceptionAsync(() => SandboxServer.StartAsync(new SandboxOptions { Directory = Path.Combine(_directory, "second"), Port = first.Port }));

        Assert.IsAssignableFrom<IOException>(error);
        Assert.False(File.Exists(Path.Combine(_directory, "second", SandboxStateFile.FileName)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kuberollout-sandbox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
