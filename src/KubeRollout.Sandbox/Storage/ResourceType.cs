namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// What storage keys objects by: one resource the sandbox serves (e.g. apps/v1 deployments), its REST names, its
/// kind and its model type from KubernetesClient. <see cref="Group"/> is empty for the core group. The rules of
/// the resource are its registry entry's (<c>Registry/&lt;group&gt;/&lt;resource&gt;/</c>).
/// </summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Singular, string Kind, bool Namespaced, Type ModelType)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => $"{Kind}List";

    /// <summary>"deployments.apps" or "pods": how API errors name the resource.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
