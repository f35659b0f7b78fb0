namespace KubeRollout.Sandbox.Machinery.Time;

/// <summary>
/// The sandbox's time. Simulated time runs <see cref="TimeScale"/> times faster than wall time, so that start-up
/// delays, minReadySeconds, back-offs and progress deadlines can be tested in seconds. Every timestamp the
/// sandbox writes (creationTimestamp, condition times) is simulated time; at scale 1 it is wall time.
/// </summary>
public interface ISimulatedClock
{
    double TimeScale { get; }

    DateTime UtcNow { get; }

    /// <summary>Waits for a simulated duration (wall duration / TimeScale).</summary>
    Task Delay(TimeSpan simulated, CancellationToken cancellationToken);
}
