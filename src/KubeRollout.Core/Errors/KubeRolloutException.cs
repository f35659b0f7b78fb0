namespace KubeRollout.Core.Errors;

/// <summary>
/// A failure the user can act on. <see cref="ErrorId"/> is stable across releases: scripts and tests match on it.
/// </summary>
public class KubeRolloutException : Exception
{
    public KubeRolloutException(string errorId, FailureKind kind, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public string ErrorId { get; }

    public FailureKind Kind { get; }

    /// <summary>The object the failure is about (a file, a workload reference, a revision).</summary>
    public object? Target { get; }

    /// <summary>
    /// What to do about it with this module's cmdlets, where the message is kubectl's own text and names kubectl's
    /// command (the message stays kubectl's: scripts and parity tests compare it).
    /// </summary>
    public string? RecommendedAction { get; init; }
}
