using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Tests.Releases.Config;

public class ConfigDataDiffTests
{
    private const string SecretValue = "Zebra-Secret-4711";

    [Fact]
    public void Lists_the_keys_added_changed_and_removed_with_their_values()
    {
        var before = PodSpecs.Json("""{"kind":"ConfigMap","data":{"release":"v3.0","same":"x","old":"gone"},"binaryData":{"bin":"AAE="}}""");
        var after = PodSpecs.Json("""{"kind":"ConfigMap","data":{"release":"v3.1","same":"x","new":"here"},"binaryData":{"bin":"AAEC"}}""");

        var changes = ConfigDataDiff.Between(before, after);

        Assert.Equal(
            [
                "~ bin: (2 bytes) -> (3 bytes)",
                "+ new: here",
                "- old: gone",
                "~ release: v3.0 -> v3.1",
            ],
            changes.Select(c => c.ToString()));
        Assert.Equal(new ConfigKeyChange("release", ConfigKeyChangeKind.Changed, "v3.0", "v3.1", false), changes[3]);
    }

    [Fact]
    public void Unchanged_data_has_no_changes_and_a_new_or_deleted_object_has_every_key()
    {
        var config = PodSpecs.Json("""{"kind":"ConfigMap","data":{"a":"1","b":"2"}}""");

        Assert.Empty(ConfigDataDiff.Between(config, config.DeepClone().AsObject()));
        Assert.All(ConfigDataDiff.Between(null, config), c => Assert.Equal(ConfigKeyChangeKind.Added, c.Change));
        Assert.All(ConfigDataDiff.Between(config, null), c => Assert.Equal(ConfigKeyChangeKind.Removed, c.Change));
    }

    [Fact]
    public void A_secrets_values_are_compared_but_never_given_nor_hashed()
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretValue));
        var before = PodSpecs.Json($$$"""{"kind":"Secret","data":{"password":"{{{encoded}}}","same":"eA=="}}""");
        var after = PodSpecs.Json($$$"""{"kind":"Secret","data":{"same":"eA=="},"stringData":{"password":"{{{SecretValue}}}-2","token":"{{{SecretValue}}}"}}""");

        var changes = ConfigDataDiff.Between(before, after);

        Assert.Equal(["~ password (value hidden)", "+ token (value hidden)"], changes.Select(c => c.ToString()));
        Assert.All(changes, c => Assert.True(c.ValueHidden && c.From is null && c.To is null));
        var everything = string.Join("|", changes.Select(c => $"{c} {c.From} {c.To} {c.Key}"));
        Assert.DoesNotContain(SecretValue, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_secret_value_written_as_string_data_is_no_change()
    {
        var before = PodSpecs.Json("""{"kind":"Secret","data":{"password":"czNjcjN0"}}""");
        var after = PodSpecs.Json("""{"kind":"Secret","stringData":{"password":"s3cr3t"}}""");

        Assert.Empty(ConfigDataDiff.Between(before, after));
    }

    [Fact]
    public void Long_and_multi_line_values_are_shown_on_one_line_and_cut()
    {
        var page = "<html>\n" + new string('x', 100) + "\n</html>";
        var change = ConfigDataDiff.Between(null, PodSpecs.Json($$$"""{"kind":"ConfigMap","data":{"index.html":{{{System.Text.Json.JsonSerializer.Serialize(page)}}}}}""")).Single();

        Assert.Equal(page, change.To);
        Assert.StartsWith("+ index.html: <html>\\n" + "xxxx", change.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"… ({page.Length} characters)", change.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', change.ToString());
    }
}
