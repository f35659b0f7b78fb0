using KubeRollout.Sandbox.Registry.Batch.CronJobs;

namespace KubeRollout.Sandbox.Tests.Registry.Batch;

/// <summary>CronJob schedules read as robfig/cron v3's ParseStandard reads them, and the times they name.</summary>
public sealed class CronScheduleTests
{
    private static readonly DateTime Start = new(2026, 3, 6, 10, 17, 30, DateTimeKind.Utc); // a Friday

    [Theory]
    [InlineData("*/1 * * * *", "2026-03-06T10:18:00")]
    [InlineData("*/15 * * * *", "2026-03-06T10:30:00")]
    [InlineData("5,40-50/5 9-17 * * *", "2026-03-06T10:40:00")]
    [InlineData("0 3 * * mon-fri", "2026-03-09T03:00:00")]
    [InlineData("0 0 1 jan *", "2027-01-01T00:00:00")]
    [InlineData("0 0 13 * 5", "2026-03-13T00:00:00")] // day 13 or a Friday: the next Friday (both fields restricted)
    [InlineData("0 0 13 * *", "2026-03-13T00:00:00")]
    [InlineData("0 12 * * ?", "2026-03-06T12:00:00")]
    [InlineData("@hourly", "2026-03-06T11:00:00")]
    [InlineData("@daily", "2026-03-07T00:00:00")]
    [InlineData("@weekly", "2026-03-08T00:00:00")]
    [InlineData("@monthly", "2026-04-01T00:00:00")]
    [InlineData("@yearly", "2027-01-01T00:00:00")]
    [InlineData("@every 90s", "2026-03-06T10:19:00")]
    public void The_next_time_is_the_one_cron_names(string spec, string expected)
    {
        var schedule = CronSchedule.Parse(spec, out var error);

        Assert.True(schedule is not null, error);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.Next(Start, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_time_zone_moves_the_times_to_its_wall_clock()
    {
        var schedule = CronSchedule.Parse("0 9 * * *", out _)!;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Equal(new DateTime(2026, 3, 7, 8, 0, 0), schedule.Next(Start, berlin)); // 09:00 CET is 08:00 UTC
    }

    [Theory]
    [InlineData("* * *", "expected exactly 5 fields, found 3: [* * *]")]
    [InlineData("* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]")]
    [InlineData("60 * * * *", "end of range (60) above maximum (59): 60")]
    [InlineData("* * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("* * * * 7", "end of range (7) above maximum (6): 7")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("*/2/3 * * * *", "too many slashes: */2/3")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("* * * foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax")]
    [InlineData("@fortnightly", "unrecognized descriptor: @fortnightly")]
    [InlineData("@every x", "failed to parse duration @every x: time: invalid duration \"x\"")]
    public void A_schedule_cron_cannot_read_is_refused_with_crons_words(string spec, string expected)
    {
        Assert.Null(CronSchedule.Parse(spec, out var error));
        Assert.Equal(expected, error);
    }
}
