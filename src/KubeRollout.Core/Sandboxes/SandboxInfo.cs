namespace KubeRollout.Core.Sandboxes;

/// <summary>A running (or stopped) sandbox cluster: where it listens and how to reach it.</summary>
public sealed class SandboxInfo
{
    /// <summary>The sandbox's folder (kubeconfig, state file, log).</summary>
    public required string Path { get; init; }

    public required string Server { get; init; }

    public required string KubeConfig { get; init; }

    public required string Context { get; init; }

    public required int ProcessId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public bool IsRunning { get; init; }

    public override string ToString() => $"{Server} ({Path})";
}
