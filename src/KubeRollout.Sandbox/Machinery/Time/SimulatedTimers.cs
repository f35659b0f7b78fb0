namespace KubeRollout.Sandbox.Machinery.Time;

/// <summary>
/// Callbacks at simulated times, run by one background loop that sleeps until the earliest is due (no polling),
/// so thousands of pending requeues (start-up delays, back-offs, deadlines) cost one timer.
/// Callbacks run on the loop and must be quick (they enqueue work).
/// </summary>
public sealed class SimulatedTimers
{
    private readonly object _gate = new();
    private readonly PriorityQueue<Action, DateTime> _due = new();
    private readonly ISimulatedClock _clock;
    private TaskCompletionSource _earlierArrived = NewSignal();
    private DateTime _waitingFor = DateTime.MaxValue;

    public SimulatedTimers(ISimulatedClock clock)
    {
        _clock = clock;
    }

    public DateTime Now => _clock.UtcNow;

    public double TimeScale => _clock.TimeScale;

    public void Schedule(DateTime due, Action callback)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            _due.Enqueue(callback, due);
            if (due < _waitingFor)
            {
                wake = _earlierArrived;
            }
        }

        wake?.TrySetResult();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var dueNow = new List<Action>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Task earlierArrived;
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                while (_due.TryPeek(out var callback, out var due) && due <= now)
                {
                    dueNow.Add(_due.Dequeue());
                }

                if (_earlierArrived.Task.IsCompleted)
                {
                    _earlierArrived = NewSignal();
                }

                earlierArrived = _earlierArrived.Task;
                if (_due.TryPeek(out _, out var next))
                {
                    _waitingFor = next;
                    wait = next - now;
                }
                else
                {
                    _waitingFor = DateTime.MaxValue;
                    wait = Timeout.InfiniteTimeSpan;
                }
            }

            if (dueNow.Count > 0)
            {
                foreach (var callback in dueNow)
                {
                    callback();
                }

                dueNow.Clear();
                continue;
            }

            if (wait == Timeout.InfiniteTimeSpan)
            {
                await earlierArrived.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            // Task.Delay cannot wait less than a millisecond; a shorter wait would spin.
            var shortest = TimeSpan.FromMilliseconds(1) * _clock.TimeScale;
            if (wait < shortest)
            {
                wait = shortest;
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = _clock.Delay(wait, stopWaiting.Token);
            await Task.WhenAny(delay, earlierArrived).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
