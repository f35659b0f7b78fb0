using KubeRollout.Core.Releases.BlueGreen;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

public sealed class BlueGreenSwitcherTests
{
    [Fact]
    public void The_description_adds_the_verification_before_and_the_scale_down_after_the_switch()
    {
        var plan = BlueGreenPolicy.PlanSwitch(new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green").State(), "vweb-green");

        var lines = BlueGreenSwitcher.Describe(plan, verify: true, TimeSpan.FromSeconds(30)).Split(Environment.NewLine);

        Assert.Equal(plan.Describe(), string.Join(Environment.NewLine, lines[..^2]));
        Assert.Equal("    first: run the -Verify script block with the plan; false or an error stops the switch", lines[^2]);
        Assert.StartsWith("    then: scale deployment vweb-blue to 0 replicas 30s after the endpoints switched", lines[^1], StringComparison.Ordinal);
        Assert.Equal(plan.Describe(), BlueGreenSwitcher.Describe(plan, verify: false, scaleDownAfter: null));
    }

    [Fact]
    public void A_no_op_is_described_as_such_whatever_follows()
    {
        var plan = BlueGreenPolicy.PlanSwitch(new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green").State(), "vweb-blue");

        Assert.Equal(plan.Describe(), BlueGreenSwitcher.Describe(plan, verify: true, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, 30.0, true)]
    public void A_scale_down_waits_for_the_endpoints_first(bool wait, double? scaleDownSeconds, bool waits)
    {
        Assert.Equal(waits, BlueGreenSwitcher.WaitsForEndpoints(wait, scaleDownSeconds is { } s ? TimeSpan.FromSeconds(s) : null));
    }
}
