using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// The objects one apply takes, in the order they are applied (<see cref="ManifestOrdering"/>), or why it takes
/// none: an apply is all or nothing, so any failure means nothing of the set is applied.
/// </summary>
public sealed record ManifestSet(IReadOnlyList<ManifestObject> Objects, IReadOnlyList<KubeRolloutException> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Both sets as one apply: every object of both, in apply order, and every failure of either.</summary>
    public ManifestSet With(ManifestSet other) =>
        new(ManifestOrdering.Order(Objects.Concat(other.Objects)), [.. Failures, .. other.Failures]);
}
