using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Simulation;
using KubeRollout.Sandbox.Simulation.Kubelet;

namespace KubeRollout.Sandbox.Tests.Simulation;

public sealed class FailureRulesTests
{
    [Theory]
    [InlineData("*:bad", "kiamol/ch09-vweb:bad", true)]
    [InlineData("*:bad", "kiamol/ch09-vweb:v1", false)]
    [InlineData("docker.io/library/nginx:*", "nginx:1.27", true)]
    [InlineData("kiamol/ch09-vweb:v?", "kiamol/ch09-vweb:v3", true)]
    [InlineData("kiamol/*", "registry.local/kiamol/x:1", false)]
    public void Patterns_match_the_image_as_written_or_normalized(string pattern, string image, bool crashes)
    {
        var rules = new FailureRules([pattern], []);

        Assert.Equal(crashes ? ContainerBehavior.Crash : ContainerBehavior.Normal, rules.BehaviorFor(image));
    }

    [Fact]
    public void Unpullable_wins_over_failing_and_lists_split_on_newlines_and_commas()
    {
        var rules = new FailureRules(FailureRules.ParseList("a:*,\n b:* \r\n"), FailureRules.ParseList("a:1"));

        Assert.Equal(["a:*", "b:*"], rules.FailingImages.Select(p => p.ToString()));
        Assert.Equal(ContainerBehavior.Unpullable, rules.BehaviorFor("a:1"));
        Assert.Equal(ContainerBehavior.Crash, rules.BehaviorFor("a:2"));
    }

    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest")]
    [InlineData("kiamol/ch09-vweb:v1", "docker.io/kiamol/ch09-vweb:v1")]
    [InlineData("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    public void Images_are_normalized_as_containerd_reports_them(string image, string normalized) =>
        Assert.Equal(normalized, ImageReference.Normalize(image));

    [Theory]
    [InlineData(10, "10s")]
    [InlineData(80, "1m20s")]
    [InlineData(300, "5m0s")]
    public void Back_off_durations_print_as_go_durations(int seconds, string text) =>
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
}
