namespace KubeRollout.Core.Releases.Config;

/// <summary>A ConfigMap or Secret (or one of its keys) that a pod needs to start and that does not exist.</summary>
public sealed record MissingConfig(string Kind, string Name, string Where, string? Key)
{
    public override string ToString() => Key is null
        ? $"{Kind.ToLowerInvariant()} \"{Name}\" ({Where}) does not exist"
        : $"{Kind.ToLowerInvariant()} \"{Name}\" has no key \"{Key}\" ({Where})";
}
