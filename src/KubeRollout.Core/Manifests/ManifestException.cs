using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Manifests;

/// <summary>A manifest that cannot be read or is not valid, located by file, document and line.</summary>
public sealed class ManifestException : KubeRolloutException
{
    public ManifestException(string errorId, FailureKind kind, ManifestLocation location, string reason, Exception? inner = null)
        : base(errorId, kind, $"{location}: {reason}", location, inner)
    {
        Location = location;
        Reason = reason;
    }

    public ManifestLocation Location { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
