using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// The objects one apply takes, in the order they are applied (<see cref="ManifestOrdering"/>), or why it takes
/// none: an apply is all or nothing, so any failure means nothing of the set is applied.
/// </summary>
public sealed record ManifestSet(IReadOnlyList<ManifestObject> Objects, IReadOnlyList<KubeRolloutException> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
