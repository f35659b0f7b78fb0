using KubeRollout.Core.Releases.BlueGreen;
using static KubeRollout.Core.Tests.Releases.BlueGreen.BlueGreenSelectorTests;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

public sealed class BlueGreenHistoryTests
{
    private static readonly DateTime Time = new(2026, 3, 1, 10, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_switch_is_recorded_with_the_previous_selector_time_and_cause_and_read_back()
    {
        var records = BlueGreenHistory.Append([], Time, "vweb-blue", "vweb-green", Labels("app=vweb,slot=blue"), Labels("app=vweb,slot=green"), "release 2.0");

        var text = BlueGreenHistory.Serialize(records);
        var read = BlueGreenHistory.Parse(text, "default", "vweb", Labels("app=vweb,slot=green"));

        Assert.Equal(
            """[{"number":1,"time":"2026-03-01T10:30:00Z","from":"vweb-blue","to":"vweb-green","previousSelector":{"app":"vweb","slot":"blue"},"selector":{"app":"vweb","slot":"green"},"cause":"release 2.0"}]""",
            text);
        var record = Assert.Single(read);
        Assert.Equal((1L, Time, "vweb-blue", "vweb-green", "release 2.0", true), (record.Number, record.Time, record.From, record.To, record.Cause, record.IsCurrent));
        Assert.Equal(("default", "vweb"), (record.Namespace, record.Service));
        Assert.Equal(Labels("app=vweb,slot=blue"), record.PreviousSelector);
    }

    [Fact]
    public void Numbers_keep_growing_and_only_the_last_ten_switches_are_kept()
    {
        IReadOnlyList<BlueGreenSwitchRecord> records = [];
        for (var i = 0; i < 13; i++)
        {
            var (from, to) = i % 2 == 0 ? ("vweb-blue", "vweb-green") : ("vweb-green", "vweb-blue");
            records = BlueGreenHistory.Append(records, Time.AddMinutes(i), from, to, Labels($"slot={from}"), Labels($"slot={to}"), null);
        }

        Assert.Equal(BlueGreenHistory.MaxRecords, records.Count);
        Assert.Equal(Enumerable.Range(4, 10).Select(n => (long)n), records.Select(r => r.Number));
        Assert.Null(records[^1].Cause);
    }

    [Fact]
    public void The_last_record_is_current_only_while_the_service_still_has_its_selector()
    {
        var text = BlueGreenHistory.Serialize(BlueGreenHistory.Append([], Time, null, "vweb-green", Labels("app=vweb"), Labels("app=vweb,slot=green"), null));

        Assert.False(Assert.Single(BlueGreenHistory.Parse(text, "default", "vweb", Labels("app=vweb,slot=blue"))).IsCurrent);
        Assert.Null(Assert.Single(BlueGreenHistory.Parse(text, "default", "vweb")).From);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"number\":1}")]
    [InlineData("[{\"number\":1,\"to\":\"x\"}]")]
    [InlineData("[{\"number\":\"one\",\"time\":\"2026-03-01T10:30:00Z\",\"to\":\"x\"}]")]
    [InlineData("[{\"number\":1,\"time\":\"2026-03-01T10:30:00Z\",\"to\":\"x\",\"from\":7}]")]
    public void An_annotation_that_is_not_a_history_is_reported(string annotation)
    {
        Assert.Throws<FormatException>(() => BlueGreenHistory.Parse(annotation, "default", "vweb"));
    }

    [Fact]
    public void No_annotation_is_an_empty_history()
    {
        Assert.Empty(BlueGreenHistory.Parse(null, "default", "vweb"));
        Assert.Empty(BlueGreenHistory.Parse(" ", "default", "vweb"));
    }
}
