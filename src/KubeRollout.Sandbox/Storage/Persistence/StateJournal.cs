using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// Keeps the cluster's state in its folder, as k3s keeps it through kine: every commit of the store is appended to a
/// journal by a writer of its own (in commit order, batches written with one system call), and a snapshot of every
/// object replaces the journal once it has grown, so that a restart reads little. A write is acknowledged only
/// once it is in the file (<see cref="WaitUntilWrittenAsync"/>): a kill -9 then loses nothing acknowledged, since
/// what a process wrote survives it. Losing power can lose the last writes, as with etcd without fsync.
/// </summary>
internal sealed class StateJournal : IAsyncDisposable
{
    /// <summary>
    /// How far the versions jump at a restart: past any commit that was seen (through a watch) but not yet written
    /// when the process died, so that no version is ever given twice.
    /// </summary>
    public const long RestartGap = 100_000;

    /// <summary>A new snapshot is written once the journal passes this, or four times the last snapshot if larger.</summary>
    private const long CompactAfterBytes = 64L * 1024 * 1024;
    private const int MaxBatch = 1024;

    private readonly StateFiles _files;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<StoreEvent> _pending = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ClusterStore _store;
    private readonly long _compactAfterBytes;
    private Task _writer = Task.CompletedTask;
    private FileStream _journal;
    private JournalWriter _entries;
    private long _snapshotBytes;
    private long _written;
    private Task _snapshot = Task.CompletedTask;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    private StateJournal(StateFiles files, ClusterStore store, TimeProvider clock, long compactAfterBytes, ILogger logger)
    {
        _files = files;
        _store = store;
        _clock = clock;
        _compactAfterBytes = compactAfterBytes;
        _logger = logger;
        _written = store.ResourceVersion;
        files.CreateFolder();
        _journal = OpenJournal(_written + 1);
        _entries = new JournalWriter(_journal);
        store.Changed += e => _pending.Writer.TryWrite(e);
    }

    /// <summary>The newest resourceVersion whose commit is in the file.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>
    /// Reads the state a previous run left in <paramref name="sandboxDirectory"/> (nothing when <paramref name="fresh"/>,
    /// which erases it) into <paramref name="store"/>, then journals every commit from here on.
    /// </summary>
    /// <param name="clockFrom">Makes the clock from the simulated time the previous run reached (null: none).</param>
    /// <param name="compactAfterBytes">The journal size from which a snapshot replaces it (tests make it small).</param>
    public static StateJournal Open<TClock>(
        string sandboxDirectory, bool fresh, ClusterStore store, IReadOnlyCollection<ResourceType> resources, Func<DateTime?, TClock> clockFrom, out TClock clock, ILogger logger,
        long compactAfterBytes = CompactAfterBytes)
        where TClock : TimeProvider
    {
        var files = new StateFiles(sandboxDirectory);
        if (fresh)
        {
            files.Erase();
        }

        var recovered = StateRecovery.Read(files, resources, logger);
        clock = clockFrom(recovered.SimulatedTime);
        if (!recovered.IsEmpty)
        {
            store.Restore(recovered.Objects, recovered.ResourceVersion + RestartGap);
            logger.LogInformation("Restored {Count} objects at resourceVersion {Version}.", recovered.Objects.Count, recovered.ResourceVersion);
        }

        var journal = new StateJournal(files, store, clock, compactAfterBytes, logger);
        if (!recovered.IsEmpty)
        {
            journal.WriteSnapshot(); // the restored state at its new version replaces the old files
        }

        journal._writer = Task.Factory.StartNew(journal.WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return journal;
    }

    /// <summary>Completes once every commit up to <paramref name="resourceVersion"/> is in the file.</summary>
    public async Task WaitUntilWrittenAsync(long resourceVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            if (_failure is { } failure)
            {
                throw new IOException("The sandbox could not write its state: " + failure.Message, failure);
            }

            if (Written >= resourceVersion)
            {
                return;
            }

            await progress.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _snapshot.ConfigureAwait(false);
        _entries.Dispose();
        await _journal.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<StoreEvent>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                Append(batch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _failure = e;
                _logger.LogError(e, "Writing the cluster state failed; writes are no longer acknowledged.");
            }

            Interlocked.Exchange(ref _written, batch[^1].ResourceVersion);
            Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            if (_journal.Length > Math.Max(_compactAfterBytes, 4 * Interlocked.Read(ref _snapshotBytes)) && _snapshot.IsCompleted)
            {
                WriteSnapshot();
            }
        }
    }

    private void Append(List<StoreEvent> batch)
    {
        var time = _clock.GetUtcNow().UtcDateTime;
        foreach (var change in batch)
        {
            _entries.Entry(change.ResourceVersion, time, change.Resource, change.Object, change.Type == WatchEventType.Deleted);
        }

        _journal.Flush(); // into the operating system, which keeps it whatever happens to this process
    }

    /// <summary>
    /// Starts a new journal and writes every object of the store to a new snapshot in the background; the snapshot
    /// replaces the old one (and the journals it covers) only once it is complete. The store may be ahead of the
    /// journal: the snapshot is of its version, and the new journal's entries up to it are skipped on recovery.
    /// </summary>
    private void WriteSnapshot()
    {
        var version = Written;
        var time = _clock.GetUtcNow().UtcDateTime;
        var next = _files.Journal(version + 1);
        var previous = _files.Journals().Where(journal => journal != next).ToList();
        _entries.Dispose();
        _journal.Dispose();
        _journal = OpenJournal(version + 1);
        _entries = new JournalWriter(_journal);
        var (objects, storeVersion) = _store.Snapshot(); // after the rotation: every commit it misses goes to the new journal
        _snapshot = Task.Run(() =>
        {
            try
            {
                using (var snapshot = StateFiles.Create(_files.SnapshotInProgress, FileMode.Create))
                {
                    using (var entries = new JournalWriter(snapshot))
                    {
                        entries.Version(storeVersion, time);
                        foreach (var (resource, obj) in objects)
                        {
                            entries.Object(time, resource, obj);
                        }
                    }

                    snapshot.Flush(flushToDisk: true);
                    Interlocked.Exchange(ref _snapshotBytes, snapshot.Length);
                }

                File.Move(_files.SnapshotInProgress, _files.Snapshot, overwrite: true);
                foreach (var journal in previous)
                {
                    File.Delete(journal);
                }
            }
            catch (IOException e)
            {
                _logger.LogWarning(e, "Writing a snapshot of the cluster state failed; the journal is kept.");
            }
        });
    }

    private FileStream OpenJournal(long firstResourceVersion) => StateFiles.Create(_files.Journal(firstResourceVersion), FileMode.Append);
}
