namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>A Service's selector (a set of label equalities) as the API evaluates and kubectl prints it.</summary>
public static class ServiceSelectors
{
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IDictionary<string, string>? labels) =>
        selector.Count > 0 && labels is not null && selector.All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value);

    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary><c>app=vweb,slot=blue</c>, keys sorted, as kubectl prints a Service's selector; &lt;none&gt; when empty.</summary>
    public static string Format(IReadOnlyDictionary<string, string>? selector) =>
        selector is not { Count: > 0 } ? "<none>" : string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static bool SameAs(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);

    public static IReadOnlyDictionary<string, string> Copy(IDictionary<string, string>? labels) =>
        new SortedDictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
}
