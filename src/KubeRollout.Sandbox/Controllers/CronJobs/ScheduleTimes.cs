using k8s.Models;
using KubeRollout.Sandbox.Registry.Batch.CronJobs;

namespace KubeRollout.Sandbox.Controllers.CronJobs;

/// <summary>
/// The times the CronJob controller reasons with (mostRecentScheduleTime, nextScheduleTimeDuration): the latest
/// scheduled time not yet started, counted from the last schedule (or the creation) and no earlier than the starting
/// deadline allows; and when to look again. Missed times are skipped by arithmetic on the interval, not counted one
/// by one, so a long-stopped sandbox or a fast clock costs nothing.
/// </summary>
internal static class ScheduleTimes
{
    /// <summary>More missed times than this is "too many" (an event says so).</summary>
    public const int ManyMissed = 100;

    /// <param name="missed">How many schedule times passed since the earliest one (approximately, as upstream counts).</param>
    public static DateTime? MostRecent(V1CronJob cronJob, DateTime now, CronSchedule schedule, TimeZoneInfo zone, bool honourDeadline, out DateTime earliest, out long missed)
    {
        missed = 0;
        earliest = cronJob.Status?.LastScheduleTime ?? cronJob.Metadata.CreationTimestamp ?? now;
        if (honourDeadline && cronJob.Spec.StartingDeadlineSeconds is { } deadline && now.AddSeconds(-deadline) > earliest)
        {
            earliest = now.AddSeconds(-deadline);
        }

        if (schedule.Next(earliest, zone) is not { } first || now < first)
        {
            return null;
        }

        if (schedule.Next(first, zone) is not { } second || now < second)
        {
            return first;
        }

        var interval = (long)Math.Round((second - first).TotalSeconds);
        if (interval < 1)
        {
            return null;
        }

        missed = ((long)(now - first).TotalSeconds / interval) + 1;
        DateTime? mostRecent = null;
        for (var t = schedule.Next(first.AddSeconds((missed - 2) * interval), zone); t is { } time && time <= now; t = schedule.Next(time, zone))
        {
            mostRecent = time;
        }

        return mostRecent;
    }

    /// <summary>When to sync again: just after the next schedule time (100 ms later, as upstream pads for clock skew).</summary>
    public static TimeSpan? UntilNext(V1CronJob cronJob, DateTime now, CronSchedule schedule, TimeZoneInfo zone)
    {
        var mostRecent = MostRecent(cronJob, now, schedule, zone, honourDeadline: false, out var earliest, out var missed)
            ?? (missed == 0 ? earliest : now);
        return schedule.Next(mostRecent, zone) is { } next ? next.AddMilliseconds(100) - now : null;
    }
}
