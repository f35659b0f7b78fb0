using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Manifests;

/// <summary>The objects of one file, or why the file cannot be used.</summary>
public sealed record ManifestFileResult(string Path, IReadOnlyList<ManifestObject> Objects, IReadOnlyList<KubeRolloutException> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
