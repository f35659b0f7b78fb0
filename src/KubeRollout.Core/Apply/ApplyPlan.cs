using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Apply;

/// <summary>
/// What an apply will do, before anything is written: the objects it sends (with -VersionConfig, the versions and
/// the rewritten workloads), for each the result the server's dry run gives (with what the user should know, in its
/// Warnings), the versions made, and the reasons it must not be applied at all (<see cref="Refusals"/>: each an
/// error, and then nothing is applied). <see cref="ReleaseApply.ApplyAsync"/> carries it out.
/// </summary>
public sealed record ApplyPlan(
    string DefaultNamespace,
    ApplyOptions Options,
    IReadOnlyList<ManifestObject> Objects,
    IReadOnlyList<ApplyResult> Results,
    IReadOnlyList<ConfigVersion> Versions,
    IReadOnlyList<KubeRolloutException> Refusals)
{
    public IEnumerable<(ManifestObject Object, ApplyResult Result)> Planned => Objects.Zip(Results);
}
