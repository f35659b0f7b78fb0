using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class SandboxCommandLineTests
{
    [Fact]
    public void All_options_are_parsed()
    {
        var result = SandboxCommandLine.Parse(["--dir", "sandbox", "--nodes", "5", "--time-scale=2.5", "--port", "6443", "--failing-image", "*:bad", "--failing-image=broken/*"]);

        var options = Assert.IsType<SandboxOptions>(result.Options);
        Assert.Equal(Path.GetFullPath("sandbox"), options.Directory);
        Assert.Equal(5, options.Nodes);
        Assert.Equal(2.5, options.TimeScale);
        Assert.Equal(6443, options.Port);
        Assert.Equal(["*:bad", "broken/*"], options.FailingImages);
    }

    [Fact]
    public void Defaults_apply_when_only_the_folder_is_given()
    {
        var options = SandboxCommandLine.Parse(["--dir", "x"]).Options!;

        Assert.Equal((3, 1.0, 0), (options.Nodes, options.TimeScale, options.Port));
        Assert.Empty(options.FailingImages);
    }

    [Theory]
    [InlineData("--nodes", "3")]
    [InlineData("--dir", "x", "--nodes", "zero")]
    [InlineData("--dir", "x", "--nodes", "0")]
    [InlineData("--dir", "x", "--time-scale", "-1")]
    [InlineData("--dir", "x", "--port", "70000")]
    [InlineData("--dir", "x", "--bogus")]
    [InlineData("--dir")]
    public void Bad_arguments_are_errors(params string[] args)
    {
        var result = SandboxCommandLine.Parse(args);

        Assert.Null(result.Options);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }
}
