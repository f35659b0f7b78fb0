using System.Diagnostics;
using System.Text;
using KubeRollout.Core.Yaml;

namespace KubeRollout.Core.Tests.Yaml;

public class YamlBoundsTests
{
    /// <summary>A block mapping nested <paramref name="levels"/> deep: "a:\n a:\n  a: ..." .</summary>
    public static string NestedMappings(int levels)
    {
        var text = new StringBuilder();
        for (var level = 0; level < levels; level++)
        {
            text.Append(' ', level).Append("a:\n");
        }

        return text.Append(' ', levels).Append("b: 1\n").ToString();
    }

    /// <summary>The "billion laughs": each level a list of nine aliases of the level before.</summary>
    public static string AliasBomb(int levels)
    {
        var text = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (var level = 1; level <= levels; level++)
        {
            text.Append($"a{level}: &a{level} [").Append(string.Join(",", Enumerable.Repeat($"*a{level - 1}", 9))).Append("]\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_40000_level_flow_nesting_is_refused_quickly_without_exhausting_the_stack()
    {
        var text = new string('[', 40_000) + new string(']', 40_000);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<YamlBoundsException>(() => YamlBounds.Check(text));

        Assert.Equal(YamlLimit.Depth, error.Limit);
        Assert.Equal(1, error.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Block_nesting_past_the_limit_names_the_line()
    {
        var error = Assert.Throws<YamlBoundsException>(() => YamlBounds.Check(NestedMappings(100)));

        Assert.Equal(YamlLimit.Depth, error.Limit);
        Assert.Equal(YamlBounds.MaxDepth + 1, error.Line); // the 65th mapping starts on line 65
        Assert.Contains("deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        YamlBounds.Check(NestedMappings(YamlBounds.MaxDepth - 1));
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_anything_is_expanded()
    {
        var text = AliasBomb(9);
        Assert.True(text.Length < 1000, "the bomb is smaller than 1 KB");
        var before = GC.GetTotalAllocatedBytes();

        var error = Assert.Throws<YamlBoundsException>(() => YamlBounds.Check(text));

        Assert.Equal(YamlLimit.Size, error.Limit);
        Assert.Contains("aliases included", error.Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 50_000_000, "the check does not expand the aliases");
    }

    [Fact]
    public void Aliases_that_stay_small_are_accepted()
    {
        YamlBounds.Check("base: &base {app: web}\nfirst: *base\nsecond: *base\n");
        YamlBounds.Check(AliasBomb(3));
    }

    [Fact]
    public void A_deep_anchor_reused_deeper_counts_its_full_depth()
    {
        var anchored = "deep: &deep " + new string('[', 40) + new string(']', 40) + "\n";
        var reused = anchored + string.Concat(Enumerable.Range(0, 30).Select(i => new string(' ', i) + "k:\n")) + new string(' ', 30) + "x: *deep\n";

        var error = Assert.Throws<YamlBoundsException>(() => YamlBounds.Check(reused));

        Assert.Equal(YamlLimit.Depth, error.Limit);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = File.OpenWrite(path))
            {
                file.SetLength(YamlBounds.MaxFileBytes + 1);
            }

            var error = Assert.Throws<YamlBoundsException>(() => YamlBounds.ReadFile(path));

            Assert.Equal(YamlLimit.Size, error.Limit);
            Assert.Equal(0, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
