using System.Globalization;

namespace KubeRollout.Sandbox.Simulation;

/// <summary>Durations printed as Go's time.Duration.String does (10s, 1m20s, 5m0s), as the kubelet's messages show them.</summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        var total = (long)duration.TotalSeconds;
        if (total < 60)
        {
            return total.ToString(CultureInfo.InvariantCulture) + "s";
        }

        var hours = total / 3600;
        var minutes = (total % 3600) / 60;
        var seconds = total % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}h{minutes}m{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m{seconds}s");
    }
}
