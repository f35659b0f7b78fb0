using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.ApiExtensions.CustomResourceDefinitions;

/// <summary>
/// apiextensions.k8s.io/v1 customresourcedefinitions, read-only: the sandbox serves no custom resources, so the list
/// is always empty and writes are not allowed. Clients need the list: kubectl and Helm ask it whether an unknown
/// kind is a custom resource before they report "no matches for kind".
/// </summary>
public sealed class CustomResourceDefinitionStrategy : ResourceStrategy<V1CustomResourceDefinition>
{
    public static readonly ResourceType Type = new(
        "apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", Namespaced: false, typeof(V1CustomResourceDefinition));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["crd", "crds"];

    public override IReadOnlyList<string> Categories => ["api-extensions"];

    public override IReadOnlyList<string> Verbs => ["get", "list", "watch"];

    public override ITablePrinter Printer { get; } = new DefaultTablePrinter();

    protected override void Validate(V1CustomResourceDefinition obj, V1CustomResourceDefinition? old, FieldErrors errors) =>
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
}
