using System.Globalization;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>
/// A CronJob schedule as Kubernetes reads it (robfig/cron v3's ParseStandard): five fields (minute, hour, day of
/// month, month, day of week) of lists, ranges, steps, <c>*</c> or <c>?</c> and month/day names; or a descriptor
/// (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every &lt;duration&gt;); optionally after
/// <c>TZ=</c>/<c>CRON_TZ=</c>. Parse errors carry the library's words, which the API server puts in its message.
/// A day matches when both day fields match, or either does when neither is a bare <c>*</c>/<c>?</c> (cron's rule).
/// </summary>
public sealed class CronSchedule
{
    private static readonly Field Minutes = new(0, 59, null);
    private static readonly Field Hours = new(0, 23, null);
    private static readonly Field DaysOfMonth = new(1, 31, null);
    private static readonly Field Months = new(1, 12, Names(1, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"));
    private static readonly Field DaysOfWeek = new(0, 6, Names(0, "sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _daysOfMonth;
    private readonly ulong _months;
    private readonly ulong _daysOfWeek;
    private readonly bool _anyDayOfMonth;
    private readonly bool _anyDayOfWeek;
    private readonly TimeSpan? _every;

    private CronSchedule(ulong minutes, ulong hours, (ulong Bits, bool Star) daysOfMonth, ulong months, (ulong Bits, bool Star) daysOfWeek, TimeZoneInfo? zone)
    {
        (_minutes, _hours, _months) = (minutes, hours, months);
        (_daysOfMonth, _anyDayOfMonth) = daysOfMonth;
        (_daysOfWeek, _anyDayOfWeek) = daysOfWeek;
        Zone = zone;
    }

    private CronSchedule(TimeSpan every, TimeZoneInfo? zone)
    {
        _every = every;
        Zone = zone;
    }

    /// <summary>The zone a TZ= prefix named, or null (the caller's zone applies).</summary>
    public TimeZoneInfo? Zone { get; }

    /// <summary>Parses a schedule; <paramref name="error"/> is robfig/cron's message when it is not one.</summary>
    public static CronSchedule? Parse(string spec, out string error)
    {
        error = string.Empty;
        if (spec.Length == 0)
        {
            error = "empty spec string";
            return null;
        }

        TimeZoneInfo? zone = null;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..] : spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (space < 0 || !TimeZones.TryFind(name, out zone))
            {
                error = $"provided bad location {name}: unknown time zone {name}";
                return null;
            }

            spec = spec[space..].Trim();
        }

        if (spec.StartsWith('@'))
        {
            return Descriptor(spec, zone, out error);
        }

        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
            return null;
        }

        try
        {
            return new CronSchedule(
                Minutes.Bits(fields[0]).Bits, Hours.Bits(fields[1]).Bits, DaysOfMonth.Bits(fields[2]), Months.Bits(fields[3]).Bits, DaysOfWeek.Bits(fields[4]), zone);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>The first time after <paramref name="after"/> (UTC) the schedule names, in <paramref name="zone"/> unless a TZ= prefix named one.</summary>
    public DateTime? Next(DateTime after, TimeZoneInfo zone)
    {
        if (_every is { } every)
        {
            return after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)) + every;
        }

        zone = Zone ?? zone;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(after, DateTimeKind.Utc), zone);
        var candidate = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = candidate.AddYears(5);
        while (candidate <= limit)
        {
            if (!Has(_months, candidate.Month))
            {
                candidate = new DateTime(candidate.Year, candidate.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            }
            else if (!DayMatches(candidate))
            {
                candidate = candidate.Date.AddDays(1);
            }
            else if (!Has(_hours, candidate.Hour))
            {
                candidate = candidate.Date.AddHours(candidate.Hour + 1);
            }
            else if (!Has(_minutes, candidate.Minute) || zone.IsInvalidTime(candidate))
            {
                candidate = candidate.AddMinutes(1);
            }
            else
            {
                return TimeZoneInfo.ConvertTimeToUtc(candidate, zone);
            }
        }

        return null;
    }

    private bool DayMatches(DateTime day)
    {
        var ofMonth = Has(_daysOfMonth, day.Day);
        var ofWeek = Has(_daysOfWeek, (int)day.DayOfWeek);
        return _anyDayOfMonth || _anyDayOfWeek ? ofMonth && ofWeek : ofMonth || ofWeek;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static CronSchedule? Descriptor(string spec, TimeZoneInfo? zone, out string error)
    {
        error = string.Empty;
        (string Minute, string Hour, string DayOfMonth, string Month, string DayOfWeek)? fields = spec switch
        {
            "@yearly" or "@annually" => ("0", "0", "1", "1", "*"),
            "@monthly" => ("0", "0", "1", "*", "*"),
            "@weekly" => ("0", "0", "*", "*", "0"),
            "@daily" or "@midnight" => ("0", "0", "*", "*", "*"),
            "@hourly" => ("0", "*", "*", "*", "*"),
            _ => null,
        };
        if (fields is { } f)
        {
            return new CronSchedule(
                Minutes.Bits(f.Minute).Bits, Hours.Bits(f.Hour).Bits, DaysOfMonth.Bits(f.DayOfMonth), Months.Bits(f.Month).Bits, DaysOfWeek.Bits(f.DayOfWeek), zone);
        }

        const string every = "@every ";
        if (!spec.StartsWith(every, StringComparison.Ordinal))
        {
            error = $"unrecognized descriptor: {spec}";
            return null;
        }

        if (!GoDuration.TryParse(spec[every.Length..], out var duration))
        {
            error = $"failed to parse duration {spec}: time: invalid duration \"{spec[every.Length..]}\"";
            return null;
        }

        // As cron.Every: at least a second, and whole seconds.
        var seconds = Math.Max(1, (long)Math.Floor(duration.TotalSeconds));
        return new CronSchedule(TimeSpan.FromSeconds(seconds), zone);
    }

    private static Dictionary<string, long> Names(long first, params string[] names) =>
        names.Select((name, i) => (name, i + first)).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);

    /// <summary>One field's bounds and names, and the parsing of its lists of ranges.</summary>
    private sealed record Field(long Min, long Max, Dictionary<string, long>? NamedValues)
    {
        /// <summary>The bits of a comma-separated list, and whether it was a bare <c>*</c> or <c>?</c> (a step over 1 is not).</summary>
        public (ulong Bits, bool Star) Bits(string field)
        {
            ulong bits = 0;
            var star = false;
            foreach (var range in field.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (rangeBits, rangeStar) = Range(range);
                bits |= rangeBits;
                star |= rangeStar;
            }

            return (bits, star);
        }

        private (ulong Bits, bool Star) Range(string expression)
        {
            var rangeAndStep = expression.Split('/');
            var lowAndHigh = rangeAndStep[0].Split('-');
            long start, end;
            var star = false;
            if (lowAndHigh[0] is "*" or "?")
            {
                (start, end, star) = (Min, Max, true);
            }
            else
            {
                start = Value(lowAndHigh[0]);
                end = lowAndHigh.Length switch
                {
                    1 => start,
                    2 => Value(lowAndHigh[1]),
                    _ => throw new FormatException($"too many hyphens: {expression}"),
                };
            }

            long step = 1;
            switch (rangeAndStep.Length)
            {
                case 1:
                    break;
                case 2:
                    step = Integer(rangeAndStep[1]);
                    if (lowAndHigh.Length == 1)
                    {
                        end = Max; // "N/step" means N-max/step
                    }

                    star &= step <= 1;
                    break;
                default:
                    throw new FormatException($"too many slashes: {expression}");
            }

            if (start < Min)
            {
                throw new FormatException($"beginning of range ({start}) below minimum ({Min}): {expression}");
            }

            if (end > Max)
            {
                throw new FormatException($"end of range ({end}) above maximum ({Max}): {expression}");
            }

            if (start > end)
            {
                throw new FormatException($"beginning of range ({start}) beyond end of range ({end}): {expression}");
            }

            if (step == 0)
            {
                throw new FormatException($"step of range should be a positive number: {expression}");
            }

            ulong bits = 0;
            for (var value = start; value <= end; value += step)
            {
                bits |= 1UL << (int)value;
            }

            return (bits, star);
        }

        private long Value(string text) =>
            NamedValues is not null && NamedValues.TryGetValue(text.ToLowerInvariant(), out var named) ? named : Integer(text);

        private static long Integer(string text)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                var reason = text.Length > 0 && text.TrimStart('+', '-').All(char.IsAsciiDigit) && text.TrimStart('+', '-').Length > 0 ? "value out of range" : "invalid syntax";
                throw new FormatException($"failed to parse int from {text}: strconv.Atoi: parsing {GoValue.Quote(text)}: {reason}");
            }

            if (number < 0)
            {
                throw new FormatException($"negative number ({number}) not allowed: {text}");
            }

            return number;
        }
    }
}
