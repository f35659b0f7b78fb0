using System.Collections.Concurrent;
using System.Globalization;

namespace KubeRollout.Sandbox.Api.Metrics;

/// <summary>
/// What kube-apiserver exposes about its requests on <c>/metrics</c>: <c>apiserver_request_total</c>,
/// <c>apiserver_request_duration_seconds</c> (with the real bucket boundaries) and <c>apiserver_longrunning_requests</c>.
/// As on the real server a request is counted when it ends, so an open watch shows only in the gauge until it closes.
/// </summary>
internal sealed class ApiMetrics
{
    public const string RequestTotal = "apiserver_request_total";
    public const string RequestDuration = "apiserver_request_duration_seconds";
    public const string LongRunningRequests = "apiserver_longrunning_requests";

    /// <summary>kube-apiserver's buckets, chosen for its latency SLOs.</summary>
    public static readonly double[] DurationBuckets = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

    private readonly ConcurrentDictionary<(RequestMetricLabels Labels, int Code), Counter> _requests = new();
    private readonly ConcurrentDictionary<RequestMetricLabels, Histogram> _durations = new();
    private readonly ConcurrentDictionary<RequestMetricLabels, Counter> _longRunning = new();

    /// <summary>Counts a finished request and observes how long it took.</summary>
    public void Observe(RequestMetricLabels labels, int code, TimeSpan elapsed)
    {
        _requests.GetOrAdd((labels, code), _ => new Counter()).Add(1);
        _durations.GetOrAdd(labels, _ => new Histogram()).Observe(elapsed.TotalSeconds);
    }

    /// <summary>Counts a long-running request (a watch) as open until the returned scope is disposed.</summary>
    public IDisposable TrackLongRunning(RequestMetricLabels labels)
    {
        var gauge = _longRunning.GetOrAdd(labels with { DryRun = string.Empty }, _ => new Counter());
        gauge.Add(1);
        return new Release(gauge);
    }

    /// <summary>Every series in the text exposition format, families and series in a stable order.</summary>
    public string ToText()
    {
        var text = new PrometheusText();
        text.Family(LongRunningRequests, "[STABLE] Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component. Not all requests are tracked this way.", "gauge");
        foreach (var (labels, gauge) in Sorted(_longRunning, e => e.Key))
        {
            text.Sample(LongRunningRequests, WithoutDryRun(labels), gauge.Value);
        }

        text.Family(RequestDuration, "[STABLE] Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.", "histogram");
        foreach (var (labels, histogram) in Sorted(_durations, e => e.Key))
        {
            var pairs = WithDryRun(labels);
            var (buckets, count, sum) = histogram.Snapshot();
            for (var i = 0; i < DurationBuckets.Length; i++)
            {
                text.Sample(RequestDuration + "_bucket", pairs, buckets[i], PrometheusText.FormatValue(DurationBuckets[i]));
            }

            text.Sample(RequestDuration + "_bucket", pairs, count, "+Inf");
            text.Sample(RequestDuration + "_sum", pairs, sum);
            text.Sample(RequestDuration + "_count", pairs, count);
        }

        text.Family(RequestTotal, "[STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.", "counter");
        foreach (var ((labels, code), counter) in Sorted(_requests, e => e.Key.Labels, e => e.Key.Code))
        {
            var pairs = new List<(string, string)> { ("code", code.ToString(CultureInfo.InvariantCulture)) };
            pairs.AddRange(WithDryRun(labels));
            text.Sample(RequestTotal, pairs, counter.Value);
        }

        return text.ToString();
    }

    private static IEnumerable<KeyValuePair<TKey, TValue>> Sorted<TKey, TValue>(
        ConcurrentDictionary<TKey, TValue> series, Func<KeyValuePair<TKey, TValue>, RequestMetricLabels> labels, Func<KeyValuePair<TKey, TValue>, int>? code = null)
        where TKey : notnull =>
        series.ToArray()
            .OrderBy(e => labels(e).Group, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Version, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Resource, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Subresource, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Verb, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Scope, StringComparer.Ordinal)
            .ThenBy(e => labels(e).DryRun, StringComparer.Ordinal)
            .ThenBy(e => labels(e).Component, StringComparer.Ordinal)
            .ThenBy(e => code?.Invoke(e) ?? 0);

    // Label pairs sorted by name, as client_golang writes them.
    private static List<(string, string)> WithDryRun(RequestMetricLabels labels) =>
    [
        ("component", labels.Component), ("dry_run", labels.DryRun), ("group", labels.Group), ("resource", labels.Resource),
        ("scope", labels.Scope), ("subresource", labels.Subresource), ("verb", labels.Verb), ("version", labels.Version),
    ];

    private static List<(string, string)> WithoutDryRun(RequestMetricLabels labels) =>
    [
        ("component", labels.Component), ("group", labels.Group), ("resource", labels.Resource),
        ("scope", labels.Scope), ("subresource", labels.Subresource), ("verb", labels.Verb), ("version", labels.Version),
    ];

    private sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long delta) => Interlocked.Add(ref _value, delta);
    }

    private sealed class Histogram
    {
        private readonly object _gate = new();
        private readonly long[] _buckets = new long[DurationBuckets.Length];
        private long _count;
        private double _sum;

        public void Observe(double seconds)
        {
            var bucket = Array.FindIndex(DurationBuckets, bound => seconds <= bound);
            lock (_gate)
            {
                if (bucket >= 0)
                {
                    _buckets[bucket]++;
                }

                _count++;
                _sum += seconds;
            }
        }

        /// <summary>Cumulative bucket counts (each bucket counts the observations up to its bound), count and sum.</summary>
        public (long[] Buckets, long Count, double Sum) Snapshot()
        {
            lock (_gate)
            {
                var cumulative = new long[_buckets.Length];
                long running = 0;
                for (var i = 0; i < _buckets.Length; i++)
                {
                    running += _buckets[i];
                    cumulative[i] = running;
                }

                return (cumulative, _count, _sum);
            }
        }
    }

    private sealed class Release(Counter gauge) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gauge.Add(-1);
            }
        }
    }
}
