using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Machinery.Queues;

/// <summary>
/// A de-duplicating work queue with client-go's semantics: a key added while it waits is queued once; a key added
/// while a worker processes it is queued again when the worker calls <see cref="Done"/>, so one key is never
/// processed by two workers at once. Delayed adds run on the simulated clock; failed keys back off in wall time.
/// </summary>
public sealed class WorkQueue<TKey>
    where TKey : notnull
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DateTime> _delayedUntil = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly SemaphoreSlim _ready = new(0);
    private readonly SimulatedTimers _timers;

    public WorkQueue(SimulatedTimers timers)
    {
        _timers = timers;
    }

    /// <summary>Keys waiting or being processed (for diagnostics and tests).</summary>
    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count + _processing.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (!_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    /// <summary>
    /// Adds the key once <paramref name="simulatedDelay"/> has passed on the simulated clock. Of several pending
    /// delays for one key the earliest wins: syncs are level-triggered and ask again for what they still need.
    /// </summary>
    public void AddAfter(TKey key, TimeSpan simulatedDelay)
    {
        if (simulatedDelay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        var due = _timers.Now + simulatedDelay;
        lock (_gate)
        {
            if (_delayedUntil.TryGetValue(key, out var pending) && pending <= due)
            {
                return;
            }

            _delayedUntil[key] = due;
        }

        _timers.Schedule(due, () => AddDelayed(key, due));
    }

    /// <summary>Adds the key again after an exponential back-off (5 ms doubling to 1 s, wall time).</summary>
    public void AddRateLimited(TKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
        }

        var wall = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures, 20)));
        AddAfter(key, wall * _timers.TimeScale);
    }

    /// <summary>Clears the back-off of a key after it was processed successfully.</summary>
    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Blocks until a key is ready (workers are dedicated threads: syncs block on the store's lock).</summary>
    public TKey Take(CancellationToken cancellationToken)
    {
        _ready.Wait(cancellationToken);
        lock (_gate)
        {
            var key = _queue.Dequeue();
            _dirty.Remove(key);
            _processing.Add(key);
            return key;
        }
    }

    public void Done(TKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (!_dirty.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    private void AddDelayed(TKey key, DateTime due)
    {
        lock (_gate)
        {
            if (!_delayedUntil.TryGetValue(key, out var pending) || pending != due)
            {
                return;
            }

            _delayedUntil.Remove(key);
        }

        Add(key);
    }
}
