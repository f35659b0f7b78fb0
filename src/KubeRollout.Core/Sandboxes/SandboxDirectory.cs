using System.Text.Json;

namespace KubeRollout.Core.Sandboxes;

/// <summary>
/// The files a sandbox keeps in its folder: sandbox.json while it runs, stop to ask it to end, sandbox.log (its own
/// log, rotated), state/ (its objects) and its identity (kubeconfig, token, pki/).
/// </summary>
public static class SandboxDirectory
{
    public const string StateFile = "sandbox.json";
    public const string StopFile = "stop";
    public const string LogFile = "sandbox.log";

    /// <summary>The prefix of folders that Start-KubeSandbox creates in the temp folder when no -Path is given.</summary>
    public const string DefaultPrefix = "kuberollout-sandbox-";

    /// <summary>The sandbox described by a folder's state file, or null when there is none.</summary>
    public static SandboxInfo? Read(string directory)
    {
        var stateFile = System.IO.Path.Combine(directory, StateFile);
        if (!File.Exists(stateFile))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(stateFile));
            var root = document.RootElement;
            var processId = root.GetProperty("pid").GetInt32();
            var processStart = root.TryGetProperty("processStart", out var start) ? start.GetString() : null;
            var program = root.TryGetProperty("program", out var recordedProgram) ? recordedProgram.GetString() : null;
            return new SandboxInfo
            {
                Path = directory,
                Server = root.GetProperty("server").GetString()!,
                KubeConfig = root.GetProperty("kubeconfig").GetString()!,
                Context = root.GetProperty("context").GetString()!,
                ProcessId = processId,
                StartedAt = root.TryGetProperty("startedAt", out var started) ? started.GetDateTimeOffset() : null,
                IsRunning = SandboxProcessIdentity.IsSandbox(directory, processId, processStart, program),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null; // a state file being written or left damaged by a crash describes no usable sandbox
        }
    }

    /// <summary>A new folder name in the temp folder (kuberollout-sandbox-*), where Get-KubeSandbox finds it without a path.</summary>
    public static string NewDefault() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), DefaultPrefix + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Sandboxes in the temp folder's kuberollout-sandbox-* folders.</summary>
    public static IEnumerable<SandboxInfo> FindDefault() =>
        Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), DefaultPrefix + "*")
            .Select(Read)
            .OfType<SandboxInfo>();
}
