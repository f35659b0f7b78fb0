using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Watchers of pods in a process of their own, at the lowest scheduling priority: on this two-core machine they
/// stand for watchers that run elsewhere (kubelets, controllers, dashboards), so that what slows a rollout is the
/// sandbox's work for them and not their own decryption and reading, which takes CPU only when the machine has it
/// to spare. They read every event of their watch to the end and count its lines.
/// </summary>
internal sealed class PodWatchers : IAsyncDisposable
{
    public const string ChildArgument = "--watch-pods";

    private readonly Process _process;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private long _seen;
    private long _fewestSeen;
    private long _bytesSeen;

    private PodWatchers(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadReportsAsync);
    }

    /// <summary>Total event lines read by all watchers so far.</summary>
    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>Event lines read by the watcher that has read the fewest.</summary>
    public long FewestSeen => Interlocked.Read(ref _fewestSeen);

    /// <summary>Bytes of the response bodies read by all watchers so far.</summary>
    public long BytesSeen => Interlocked.Read(ref _bytesSeen);

    /// <summary>Starts <paramref name="count"/> watches of the pods of a namespace from a resource version; returns once all are open.</summary>
    public static async Task<PodWatchers> OpenAsync(string kubeConfig, string @namespace, string resourceVersion, int count)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = self;
        }
        else
        {
            // nice applies to every thread the child will have; Process.PriorityClass on Linux reaches only its first one.
            start.FileName = "nice";
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("19");
            start.ArgumentList.Add(self);
        }

        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PodWatchers).Assembly.Location);
        }

        foreach (var argument in new[] { ChildArgument, kubeConfig, @namespace, resourceVersion, count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var watchers = new PodWatchers(Process.Start(start)!);
        if (OperatingSystem.IsWindows())
        {
            watchers._process.PriorityClass = ProcessPriorityClass.Idle;
        }

        await watchers._opened.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return watchers;
    }

    /// <summary>Waits until the watchers have stopped reading new events (for half a second).</summary>
    public async Task WaitUntilSettledAsync()
    {
        var last = -1L;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120) && Seen != last)
        {
            last = Seen;
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close(); // the child stops its watches and exits
        await _process.WaitForExitAsync();
        await _reading;
        _process.Dispose();
    }

    /// <summary>The child: opens the watches, says "opened", then reports "seen LINES FEWEST BYTES" until its input closes.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (kubeConfig, @namespace, resourceVersion, count) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        using var raw = new RawApi(kubeConfig);
        using var stop = new CancellationTokenSource();
        var opened = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var tallies = opened.Select(_ => new WatchTally()).ToList();
        var watches = opened.Select((o, i) => raw.CountWatchEventsAsync(
            $"/api/v1/namespaces/{@namespace}/pods?watch=true&resourceVersion={resourceVersion}", o, tallies[i], stop.Token)).ToList();
        await Task.WhenAll(opened.Select(o => o.Task));
        Console.WriteLine("opened");
        var inputClosed = Task.Run(() => Console.In.ReadToEnd());
        while (!inputClosed.IsCompleted)
        {
            Report();
            await Task.WhenAny(inputClosed, Task.Delay(100));
        }

        stop.Cancel();
        await Task.WhenAll(watches);
        Report();
        return 0;

        void Report() => Console.WriteLine(
            $"seen {tallies.Sum(t => Interlocked.Read(ref t.Lines))} {tallies.Min(t => Interlocked.Read(ref t.Lines))} {tallies.Sum(t => Interlocked.Read(ref t.Bytes))}");
    }

    private async Task ReadReportsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "opened")
            {
                _opened.TrySetResult();
            }
            else if (line.StartsWith("seen ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Interlocked.Exchange(ref _seen, long.Parse(parts[1], CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _fewestSeen, long.Parse(parts[2], CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _bytesSeen, long.Parse(parts[3], CultureInfo.InvariantCulture));
            }
        }

        await _process.WaitForExitAsync();
        _opened.TrySetException(new InvalidOperationException($"The pod watchers exited before all their watches were open (exit code {_process.ExitCode})."));
    }
}
