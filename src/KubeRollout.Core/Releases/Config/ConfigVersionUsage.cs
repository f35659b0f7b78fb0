namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// A config version and what keeps it: the live templates, retained revisions and pods that reference it. One
/// that nothing references can be removed (<see cref="Prunable"/>); <see cref="Removed"/> says whether it was.
/// </summary>
public sealed class ConfigVersionUsage
{
    public required string Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The name it is a version of.</summary>
    public required string VersionOf { get; init; }

    public DateTime? Created { get; init; }

    /// <summary>What references it: live templates, retained revisions, pods.</summary>
    public required IReadOnlyList<string> ReferencedBy { get; init; }

    public bool Prunable => ReferencedBy.Count == 0;

    public bool Removed { get; init; }

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name} (version of {VersionOf})";
}
