namespace KubeRollout.Core.Cluster;

/// <summary>
/// An object by kind, namespace and name: what errors about cluster objects carry as their target, so that no error
/// ever holds an object's content (a Secret's values).
/// </summary>
public sealed record ObjectReference(string Kind, string? Namespace, string Name)
{
    public override string ToString() =>
        Namespace is null ? $"{Kind.ToLowerInvariant()}/{Name}" : $"{Kind.ToLowerInvariant()}/{Name} (namespace {Namespace})";
}
