namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>IANA time zones by name, as Go's time.LoadLocation finds them ("UTC" and "" are UTC).</summary>
internal static class TimeZones
{
    public static bool TryFind(string name, out TimeZoneInfo? zone)
    {
        if (name is "" or "UTC")
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        zone = name != "Local" && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) ? found : null;
        return zone is not null;
    }
}
