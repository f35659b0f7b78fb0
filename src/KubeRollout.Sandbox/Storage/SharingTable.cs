using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// One shared instance per key, for immutable values that many stored objects repeat. Past
/// <paramref name="maxDistinct"/> additions the table starts afresh, so that values seen once cannot make it grow
/// without end (sharing saves memory; it is not a cache to keep).
/// </summary>
internal sealed class SharingTable<TValue>(int maxDistinct)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _shared = new(StringComparer.Ordinal);
    private int _added;

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => _shared.TryGetValue(key, out value);

    /// <summary>The instance shared for <paramref name="key"/>: the one already there, else <paramref name="value"/>.</summary>
    public TValue Share(string key, TValue value)
    {
        if (_shared.TryGetValue(key, out var shared))
        {
            return shared;
        }

        // Counted here: ConcurrentDictionary.Count takes every lock of the table, too slow for every read.
        if (Interlocked.Increment(ref _added) > maxDistinct)
        {
            Interlocked.Exchange(ref _added, 0);
            _shared.Clear();
        }

        return _shared.GetOrAdd(key, value);
    }
}
