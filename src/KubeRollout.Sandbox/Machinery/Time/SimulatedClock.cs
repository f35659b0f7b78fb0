using System.Diagnostics;

namespace KubeRollout.Sandbox.Machinery.Time;

/// <summary>
/// Simulated time = start + elapsed wall time × scale. It is also the <see cref="TimeProvider"/> of the registry
/// and the API, so that every timestamp the sandbox writes is simulated time.
/// </summary>
public sealed class SimulatedClock : TimeProvider, ISimulatedClock
{
    private readonly DateTime _start;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <param name="resumeFrom">
    /// The simulated time a previous run of the same cluster reached: time goes on from there when it is ahead of
    /// the wall clock (a time scale above 1 runs ahead), so that no timestamp goes back.
    /// </param>
    public SimulatedClock(double timeScale, DateTime? resumeFrom = null)
    {
        var now = DateTime.UtcNow;
        _start = resumeFrom is { } resumed && resumed > now ? DateTime.SpecifyKind(resumed, DateTimeKind.Utc) : now;
        if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive number.");
        }

        TimeScale = timeScale;
    }

    public double TimeScale { get; }

    public DateTime UtcNow => _start + TimeSpan.FromTicks((long)(_elapsed.Elapsed.Ticks * TimeScale));

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);

    public Task Delay(TimeSpan simulated, CancellationToken cancellationToken) =>
        simulated <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / TimeScale))), cancellationToken);
}
