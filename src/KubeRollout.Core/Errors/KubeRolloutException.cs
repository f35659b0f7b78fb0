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
}
