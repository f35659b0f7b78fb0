using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Tests.Kubernetes;

public class GoDurationTests
{
    [Theory]
    [InlineData("2s", 2_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1_500)]
    [InlineData("30", 30_000)]
    public void Parses_kubectl_durations(string text, double milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 minutes")]
    [InlineData("-3")]
    [InlineData("2x")]
    public void Refuses_other_text(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
