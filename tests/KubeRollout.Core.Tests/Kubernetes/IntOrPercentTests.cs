using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Tests.Kubernetes;

public class IntOrPercentTests
{
    [Theory]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("100%", 3, true, 3)]
    [InlineData("1", 10, true, 1)]
    [InlineData("0%", 10, true, 0)]
    public void Scales_percentages_with_the_controllers_rounding(string text, int total, bool roundUp, int expected)
    {
        Assert.True(IntOrPercent.TryParse(text, out var value));
        Assert.Equal(expected, value.Scale(total, roundUp));
    }

    [Theory]
    [InlineData("a%")]
    [InlineData("")]
    [InlineData("%")]
    public void Refuses_malformed_values(string text) => Assert.False(IntOrPercent.TryParse(text, out _));
}
