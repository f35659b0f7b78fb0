namespace KubeRollout.Core.Releases.Config;

/// <summary>One ConfigMap or Secret of an apply turned into a version: <see cref="BaseName"/> as written, <see cref="Name"/> with its content hash.</summary>
public sealed record ConfigVersion(string Kind, string Namespace, string BaseName, string Name)
{
    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name} (version of {BaseName})";
}
