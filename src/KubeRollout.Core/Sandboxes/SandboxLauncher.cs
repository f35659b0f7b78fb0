using System.Diagnostics;
using System.Globalization;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Sandboxes;

/// <summary>
/// Starts and stops the sandbox cluster process. It is a separate program that outlives the session that started
/// it (like kind's clusters), so it is told to stop through its folder and killed only when it does not.
/// </summary>
public static class SandboxLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    public static async Task<SandboxInfo> StartAsync(SandboxStartOptions options, Action<string>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.ProgramPath))
        {
            throw new KubeRolloutException(
                "SandboxNotInstalled", FailureKind.ObjectNotFound, $"The sandbox program is missing at '{options.ProgramPath}'. Rebuild the module (build.ps1 build).", options.ProgramPath);
        }

        if (SandboxDirectory.Read(options.Directory) is { IsRunning: true } running)
        {
            throw new KubeRolloutException(
                "SandboxAlreadyRunning", FailureKind.ResourceExists, $"A sandbox already runs in '{options.Directory}' ({running.Server}, process {running.ProcessId}).", running);
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.Directory);
        }
        else
        {
            Directory.CreateDirectory(options.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // it holds secrets
        }

        File.Delete(Path.Combine(options.Directory, SandboxDirectory.StopFile));
        // Its own session, where the OS allows it, so that Ctrl+C in the terminal that started it does not stop it.
        var setsid = OperatingSystem.IsWindows() ? null : new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
        var start = setsid is null
            ? new ProcessStartInfo(DotnetHost(), StartArguments(options))
            : new ProcessStartInfo(setsid, StartArguments(options).Prepend(DotnetHost()));
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.WorkingDirectory = options.Directory;
        var process = Process.Start(start)
            ?? throw new KubeRolloutException("SandboxStartFailed", FailureKind.InvalidOperation, "The sandbox process could not be started.", options.Directory);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // The sandbox writes its own log (DIR/sandbox.log); here only its readiness line and what it says on stderr
        // before its log exists (usage errors) are read. Later writes to a closed pipe are ignored by .NET, so the
        // sandbox outlives the session that started it.
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.StartsWith("kuberollout-sandbox ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
            else if (line.StartsWith("kuberollout-sandbox:", StringComparison.Ordinal))
            {
                errors.Enqueue(line);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        progress?.Invoke($"Starting the sandbox cluster (process {process.Id})");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            await Task.WhenAny(ready.Task, exited).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // handled below
        }

        if (ready.Task.IsCompleted && SandboxDirectory.Read(options.Directory) is { } started)
        {
            return started;
        }

        var exitedEarly = process.HasExited;
        if (!exitedEarly)
        {
            process.Kill(entireProcessTree: true);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tail = errors.IsEmpty ? LogTail(options.Directory) : $" {string.Join(" ", errors)}";
        throw new KubeRolloutException(
            "SandboxStartFailed", FailureKind.InvalidOperation,
            exitedEarly
                ? $"The sandbox exited during start (exit code {process.ExitCode}).{tail}"
                : $"The sandbox did not become ready within {StartTimeout.TotalSeconds:0} s.{tail}",
            options.Directory);
    }

    /// <summary>
    /// Asks the sandbox to stop and waits; kills it if it does not end in time. True when a process was stopped.
    /// Only the verified sandbox process is ever killed (<see cref="SandboxProcessIdentity"/>): a state file left by a
    /// crash, whose process id another process may have taken since, is removed and nothing is killed. With
    /// <paramref name="remove"/>, its folder (kubeconfig, log) is deleted too.
    /// </summary>
    public static async Task<bool> StopAsync(string directory, bool remove, CancellationToken cancellationToken)
    {
        var stopped = await StopProcessAsync(directory, cancellationToken).ConfigureAwait(false);
        if (remove && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return stopped;
    }

    private static async Task<bool> StopProcessAsync(string directory, CancellationToken cancellationToken)
    {
        var info = SandboxDirectory.Read(directory);
        if (info is null || !info.IsRunning)
        {
            File.Delete(Path.Combine(directory, SandboxDirectory.StateFile));
            return false;
        }

        Process process;
        try
        {
            process = Process.GetProcessById(info.ProcessId);
        }
        catch (ArgumentException)
        {
            return false; // it ended between the check and now
        }

        using (process)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, SandboxDirectory.StopFile), "stop", cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (SandboxDirectory.Read(directory) is { IsRunning: true } still && still.ProcessId == info.ProcessId)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        File.Delete(Path.Combine(directory, SandboxDirectory.StateFile));
        return true;
    }

    private static IEnumerable<string> StartArguments(SandboxStartOptions options)
    {
        yield return options.ProgramPath;
        yield return "--dir";
        yield return options.Directory;
        yield return "--nodes";
        yield return options.Nodes.ToString(CultureInfo.InvariantCulture);
        yield return "--time-scale";
        yield return options.TimeScale.ToString(CultureInfo.InvariantCulture);
        yield return "--port";
        yield return options.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var pattern in options.FailingImages)
        {
            yield return "--failing-image";
            yield return pattern;
        }

        if (options.Fresh)
        {
            yield return "--fresh";
        }
    }

    /// <summary>The dotnet host that runs the sandbox: this process when it is dotnet, else DOTNET_HOST_PATH, else dotnet on PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new KubeRolloutException(
            "SandboxRuntimeMissing", FailureKind.ObjectNotFound, "The sandbox needs the .NET 10 runtime, but no dotnet host was found (PATH, DOTNET_HOST_PATH).", null);
    }

    private static string LogTail(string directory)
    {
        var path = Path.Combine(directory, SandboxDirectory.LogFile);
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        var lines = File.ReadLines(path).TakeLast(5).ToList();
        return lines.Count == 0 ? string.Empty : $" Last lines of {path}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
