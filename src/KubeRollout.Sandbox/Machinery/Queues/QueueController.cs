using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Machinery.Queues;

/// <summary>
/// A controller in the client-go style: store events enqueue keys, workers take one key at a time and reconcile it
/// (level-triggered, from the cache). A conflict or other API error requeues the key with back-off; a sync asks for a
/// later resync (minReadySeconds, deadlines, back-offs) with <see cref="WorkQueue{TKey}.AddAfter"/>.
/// </summary>
public abstract class QueueController<TKey> : IRunnableController
    where TKey : notnull
{
    private readonly int _workers;
    private readonly SimulatedTimers _timers;

    protected QueueController(string name, int workers, SimulatedTimers timers, ILogger logger)
    {
        Name = name;
        _workers = workers;
        _timers = timers;
        Logger = logger;
        Queue = new WorkQueue<TKey>(timers);
    }

    public string Name { get; }

    public WorkQueue<TKey> Queue { get; }

    protected ILogger Logger { get; }

    /// <summary>The simulated time.</summary>
    protected DateTime Now => _timers.Now;

    /// <summary>Called once the cache is filled, before the workers start: enqueue what exists.</summary>
    public virtual void EnqueueExisting()
    {
    }

    /// <summary>
    /// Runs the workers on dedicated threads: a sync blocks while it waits for the store's lock, and blocking
    /// thread-pool threads would starve the pool on a small machine.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ =>
            Task.Factory.StartNew(() => Work(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

    /// <summary>Reconciles one key. Throwing requeues the key with back-off.</summary>
    protected abstract void Sync(TKey key);

    private void Work(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TKey key;
            try
            {
                key = Queue.Take(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                Sync(key);
                Queue.Forget(key);
            }
            catch (StoreConflictException)
            {
                Queue.AddRateLimited(key);
            }
            catch (StoreException e)
            {
                Logger.LogDebug("{Controller}: {Key}: {Reason}: {Message}", Name, key, e.Reason, e.Message);
                Queue.AddRateLimited(key);
            }
#pragma warning disable CA1031 // a controller bug must not stop the controller; the key is retried with back-off
            catch (Exception e)
#pragma warning restore CA1031
            {
                Logger.LogError(e, "{Controller}: error syncing {Key}", Name, key);
                Queue.AddRateLimited(key);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }
}
