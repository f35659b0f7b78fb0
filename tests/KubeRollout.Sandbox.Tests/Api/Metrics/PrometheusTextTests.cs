using KubeRollout.Sandbox.Api.Metrics;

namespace KubeRollout.Sandbox.Tests.Api.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(3, "3")]
    [InlineData(123456, "123456")]
    [InlineData(1000000, "1e+06")]
    [InlineData(1234567, "1.234567e+06")]
    [InlineData(0.005, "0.005")]
    [InlineData(1.25, "1.25")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void Values_are_formatted_as_go_formats_them(double value, string text) =>
        Assert.Equal(text, PrometheusText.FormatValue(value));

    [Fact]
    public void Label_values_are_escaped_and_le_comes_last()
    {
        var text = new PrometheusText();
        text.Family("demo_seconds", "Help with a \\ backslash.", "histogram");
        text.Sample("demo_seconds_bucket", [("path", "a\"b\\c\nd")], 2, "0.5");

        Assert.Equal(
            "# HELP demo_seconds Help with a \\\\ backslash.\n# TYPE demo_seconds histogram\ndemo_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"0.5\"} 2\n",
            text.ToString());
    }
}
