namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// One resource the sandbox serves (e.g. apps/v1 deployments): its REST names, its kind and its model type
/// from KubernetesClient. <see cref="Group"/> is empty for the core group.
/// </summary>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    Type ModelType,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Subresources,
    IReadOnlyList<string> Categories)
{
    /// <summary>The warning the API server sends with every request for this resource (deprecated APIs), or null.</summary>
    public string? Warning { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => $"{Kind}List";

    /// <summary>"deployments.apps" or "pods": how API errors name the resource.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
