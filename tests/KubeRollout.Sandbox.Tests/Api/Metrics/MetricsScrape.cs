using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeRollout.Sandbox.Tests.Api.Metrics;

/// <summary>One scrape of <c>/metrics</c>, parsed from the text exposition format: samples by name and labels.</summary>
internal sealed partial class MetricsScrape
{
    private MetricsScrape(IReadOnlyList<Sample> samples, IReadOnlyList<string> comments)
    {
        Samples = samples;
        Comments = comments;
    }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Text);

    public IReadOnlyList<Sample> Samples { get; }

    public IReadOnlyList<string> Comments { get; }

    public static async Task<MetricsScrape> ReadAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static MetricsScrape Parse(string text)
    {
        var samples = new List<Sample>();
        var comments = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                comments.Add(line);
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => Regex.Unescape(m.Groups["value"].Value), StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value, line));
        }

        return new MetricsScrape(samples, comments);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every pair given.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        Matching(name, labels).Sum(s => s.Value);

    public IEnumerable<Sample> Matching(string name, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
