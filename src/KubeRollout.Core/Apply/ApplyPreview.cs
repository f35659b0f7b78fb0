using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Apply;

/// <summary>
/// What an apply will do, before anything is written: the objects it sends (with -VersionConfig, the versions and
/// the rewritten workloads), for each the result the server's dry run gives, the versions made, and the reasons
/// it must not be applied at all (<see cref="Refusals"/>: each an error, and then nothing is applied).
/// </summary>
public sealed record ApplyPreview(
    IReadOnlyList<ManifestObject> Objects,
    IReadOnlyList<ApplyResult> Results,
    IReadOnlyList<ConfigVersion> Versions,
    IReadOnlyList<KubeRolloutException> Refusals)
{
    public IEnumerable<(ManifestObject Object, ApplyResult Result)> Planned => Objects.Zip(Results);
}
