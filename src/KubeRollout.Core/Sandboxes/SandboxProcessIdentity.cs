using System.Diagnostics;
using System.Globalization;

namespace KubeRollout.Core.Sandboxes;

/// <summary>
/// Whether the process a sandbox's state file names is that sandbox still. After a crash the state file stays and
/// its process id may be reused, so the id alone proves nothing: the process must have started when the sandbox did
/// (as the operating system records it: clock ticks since boot on Linux, the start time elsewhere), run the sandbox
/// program, and not be a zombie, and the sandbox's folder lock must be held (only a live sandbox holds it).
/// </summary>
public static class SandboxProcessIdentity
{
    private const string LockFile = "sandbox.lock";
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    /// <param name="processStart">"ticks:N" (Linux) or "utc:TIME", as the sandbox recorded its own start.</param>
    /// <param name="program">The sandbox program (its first command-line argument) as it recorded it.</param>
    public static bool IsSandbox(string directory, int processId, string? processStart, string? program) =>
        processStart is not null && program is not null
        && (OperatingSystem.IsLinux() ? MatchesOnLinux(processId, processStart, program) : Matches(processId, processStart))
        && IsLockHeld(directory);

    /// <summary>
    /// The parts of <c>/proc/PID/stat</c> that identify a process: its state letter (Z for a zombie) and its start
    /// in clock ticks since boot (field 22). Null when the text is not a stat line.
    /// </summary>
    public static (char State, string StartTicks)? ParseStat(string stat)
    {
        var end = stat.LastIndexOf(')');
        if (end < 0 || end + 2 >= stat.Length)
        {
            return null;
        }

        var fields = stat[(end + 2)..].Split(' ');
        return fields.Length > 19 && fields[0].Length == 1 ? (fields[0][0], fields[19]) : null;
    }

    private static bool MatchesOnLinux(int processId, string processStart, string program)
    {
        string stat, commandLine;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            commandLine = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // no such process (any more)
        }

        return ParseStat(stat) is { } parsed
            && parsed.State is not ('Z' or 'X')
            && processStart == "ticks:" + parsed.StartTicks
            && commandLine.Split('\0').Contains(program, StringComparer.Ordinal);
    }

    private static bool Matches(int processId, string processStart)
    {
        if (!processStart.StartsWith("utc:", StringComparison.Ordinal)
            || !DateTime.TryParse(processStart[4..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var recorded))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && (process.StartTime.ToUniversalTime() - recorded.ToUniversalTime()).Duration() <= StartTimeTolerance;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>A live sandbox holds an exclusive lock on its folder's lock file; probing takes it for an instant.</summary>
    private static bool IsLockHeld(string directory)
    {
        var path = Path.Combine(directory, LockFile);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
