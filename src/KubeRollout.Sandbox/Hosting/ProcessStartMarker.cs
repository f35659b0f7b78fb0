using System.Diagnostics;
using System.Globalization;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// This process's start as the operating system records it, in the form Core's SandboxProcessIdentity compares:
/// on Linux the start time in clock ticks since boot from <c>/proc/self/stat</c> ("ticks:N", exact), elsewhere the
/// start time in UTC ("utc:…").
/// </summary>
internal static class ProcessStartMarker
{
    public static string Current()
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return "ticks:" + fields[19]; // field 22 of stat(5); the first two precede the command's closing parenthesis
        }

        using var self = Process.GetCurrentProcess();
        return "utc:" + self.StartTime.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
    }
}
