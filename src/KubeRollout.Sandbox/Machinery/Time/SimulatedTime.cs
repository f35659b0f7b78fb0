namespace KubeRollout.Sandbox.Machinery.Time;

/// <summary>Timestamps as the API stores them (metav1.Time has second precision).</summary>
public static class SimulatedTime
{
    public static DateTime Truncate(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
