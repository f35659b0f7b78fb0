using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>Durations as kubectl and the API server print ages: about two significant figures (5s, 3m4s, 2d3h, …).</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return $"{seconds}s";
        }

        var minutes = (long)duration.TotalMinutes;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? $"{minutes}m" : $"{minutes}m{s}s";
        }

        if (minutes < 60 * 3)
        {
            return $"{minutes}m";
        }

        var hours = (long)duration.TotalHours;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? $"{hours}h" : $"{hours}h{m}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? $"{hours / 24}d" : $"{hours / 24}d{h}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{days}d";
        }

        return $"{hours / 24 / 365}y";
    }

    /// <summary>The age of a timestamp, or <c>&lt;unknown&gt;</c> when it is unset.</summary>
    public static string Since(DateTime? timestamp, DateTime now) =>
        timestamp is { } time ? Format(now - DateTime.SpecifyKind(time, DateTimeKind.Utc)) : "<unknown>";
}
