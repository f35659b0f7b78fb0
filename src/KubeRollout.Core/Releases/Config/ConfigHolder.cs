using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>A pod spec that keeps the config versions it references alive: a live template, a retained revision, a pod.</summary>
public sealed record ConfigHolder(string Description, IReadOnlyList<ConfigReference> References)
{
    public bool Names(string kind, string name) => References.Any(r => r.Kind == kind && r.Name == name);
}
