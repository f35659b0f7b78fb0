using System.Collections.Concurrent;

namespace KubeRollout.Core.Completion;

/// <summary>
/// Look-up results kept for the session, by what they depend on (kubeconfig, context, namespace, resource): Tab
/// after Tab does not call the cluster again. A result is kept for a short while so that new objects show up; a
/// failed look-up is kept too, so that a slow or unreachable cluster costs one timeout, not one per key press.
/// </summary>
public sealed class CompletionCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Func<DateTime> _clock;

    public CompletionCache(Func<DateTime>? clock = null) => _clock = clock ?? (() => DateTime.UtcNow);

    public static TimeSpan ResultLifetime { get; } = TimeSpan.FromSeconds(30);

    public static TimeSpan FailureLifetime { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The cached result for <paramref name="key"/>, or what <paramref name="lookup"/> returns (null: it failed, which counts as nothing).</summary>
    public IReadOnlyList<T> GetOrAdd<T>(string key, Func<IReadOnlyList<T>?> lookup)
    {
        var now = _clock();
        if (_entries.TryGetValue(key, out var cached) && now < cached.ExpiresAt && cached.Items is IReadOnlyList<T> items)
        {
            return items;
        }

        var result = lookup();
        _entries[key] = new Entry(result ?? [], now + (result is null ? FailureLifetime : ResultLifetime));
        return result ?? [];
    }

    private sealed record Entry(object Items, DateTime ExpiresAt);
}
