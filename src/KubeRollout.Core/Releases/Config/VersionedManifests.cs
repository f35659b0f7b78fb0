using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Releases.Config;

/// <summary>The objects of an apply with their ConfigMaps and Secrets as versions and the references rewritten, and the versions made.</summary>
public sealed record VersionedManifests(IReadOnlyList<ManifestObject> Objects, IReadOnlyList<ConfigVersion> Versions);
