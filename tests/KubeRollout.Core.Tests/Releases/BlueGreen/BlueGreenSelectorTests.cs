using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.BlueGreen;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

public sealed class BlueGreenSelectorTests
{
    private static readonly SideLabels Blue = Side("vweb-blue", "blue");
    private static readonly SideLabels Green = Side("vweb-green", "green");

    [Fact]
    public void The_selector_keeps_its_keys_and_takes_the_targets_values()
    {
        var selection = BlueGreenSelector.For(Labels("app=vweb,slot=blue"), Green, [Blue]);

        Assert.Equal(Labels("app=vweb,slot=green"), selection.Selector);
        Assert.Empty(selection.Warnings);
    }

    [Fact]
    public void A_selector_that_matches_both_sides_gets_the_label_that_tells_them_apart()
    {
        var selection = BlueGreenSelector.For(Labels("app=vweb"), Green, [Blue]);

        Assert.Equal(Labels("app=vweb,slot=green"), selection.Selector);
    }

    [Fact]
    public void A_key_the_targets_pods_lack_is_dropped_and_a_stable_distinguishing_label_added()
    {
        var target = new SideLabels("vweb-next", Labels("app=vweb,color=next,pod-template-hash=5d8f"), Labels("app=vweb,color=next"));

        var selection = BlueGreenSelector.For(Labels("app=vweb,slot=blue"), target, [Blue]);

        Assert.Equal(Labels("app=vweb,color=next"), selection.Selector);
    }

    [Fact]
    public void Labels_the_targets_deployment_does_not_fix_are_used_only_when_needed_and_then_warned_about()
    {
        var blue = new SideLabels("vweb-blue", Labels("app=vweb,version=v1"), Labels("app=vweb"));
        var green = new SideLabels("vweb-green", Labels("app=vweb,version=v2,pod-template-hash=77f"), Labels("app=vweb"));

        var selection = BlueGreenSelector.For(Labels("app=vweb"), green, [blue]);

        Assert.Equal(Labels("app=vweb,version=v2"), selection.Selector);
        Assert.Contains("version", Assert.Single(selection.Warnings));
    }

    [Fact]
    public void Sides_whose_pods_carry_the_same_labels_are_refused()
    {
        var twin = new SideLabels("vweb-twin", Labels("app=vweb"), Labels("app=vweb"));
        var other = new SideLabels("vweb", Labels("app=vweb"), Labels("app=vweb"));

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenSelector.For(Labels("app=vweb"), twin, [other]));

        Assert.Equal(("SidesIndistinguishable", FailureKind.InvalidOperation), (refused.ErrorId, refused.Kind));
        Assert.Contains("vweb-twin", refused.Message);
        Assert.Contains("cannot be told apart from those of vweb", refused.Message);
    }

    [Fact]
    public void A_side_whose_pods_carry_every_label_of_the_targets_pods_and_more_is_refused()
    {
        var plain = new SideLabels("vweb-plain", Labels("app=vweb,pod-template-hash=1"), Labels("app=vweb"));
        var labelled = new SideLabels("vweb-blue", Labels("app=vweb,slot=blue"), Labels("app=vweb,slot=blue"));

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenSelector.For(Labels("app=vweb,slot=blue"), plain, [labelled]));

        Assert.Equal("SidesIndistinguishable", refused.ErrorId);
    }

    [Fact]
    public void Unrelated_deployments_do_not_add_labels()
    {
        var database = new SideLabels("db", Labels("app=db,slot=primary"), Labels("app=db"));

        var selection = BlueGreenSelector.For(Labels("app=vweb,slot=blue"), Green, [Blue, database]);

        Assert.Equal(Labels("app=vweb,slot=green"), selection.Selector);
    }

    private static SideLabels Side(string name, string slot) =>
        new(name, Labels($"app=vweb,slot={slot},version={slot}-1,pod-template-hash=abc"), Labels($"app=vweb,slot={slot}"));

    internal static IReadOnlyDictionary<string, string> Labels(string text) =>
        new SortedDictionary<string, string>(text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]), StringComparer.Ordinal);
}
