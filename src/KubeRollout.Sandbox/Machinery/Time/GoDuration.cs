using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeRollout.Sandbox.Machinery.Time;

/// <summary>
/// Durations as Go's time.Duration prints them (10s, 1m20s, 5m0s: the kubelet's messages) and as time.ParseDuration
/// reads them (a sequence of decimal numbers with units, "1h30m", "1.5s", "-2m": a CronJob's @every).
/// </summary>
internal static partial class GoDuration
{
    private static readonly Dictionary<string, double> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 0.01, ["us"] = 10, ["µs"] = 10, ["μs"] = 10, ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond, ["m"] = TimeSpan.TicksPerMinute, ["h"] = TimeSpan.TicksPerHour,
    };

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var sign = 1;
        var rest = text;
        if (rest.Length > 0 && rest[0] is '+' or '-')
        {
            sign = rest[0] == '-' ? -1 : 1;
            rest = rest[1..];
        }

        if (rest == "0")
        {
            return true;
        }

        var parts = Part().Matches(rest);
        if (rest.Length == 0 || parts.Sum(p => p.Length) != rest.Length)
        {
            return false;
        }

        double ticks = 0;
        foreach (Match part in parts)
        {
            if (!TicksPerUnit.TryGetValue(part.Groups["unit"].Value, out var perUnit))
            {
                return false;
            }

            ticks += double.Parse(part.Groups["number"].Value, CultureInfo.InvariantCulture) * perUnit;
        }

        duration = TimeSpan.FromTicks(sign * (long)ticks);
        return true;
    }

    [GeneratedRegex(@"\G(?<number>\d+\.?\d*|\.\d+)(?<unit>[a-zµμ]+)")]
    private static partial Regex Part();

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
