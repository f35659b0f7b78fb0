using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Rbac.RoleBindings;

/// <summary>rbac.authorization.k8s.io/v1 rolebindings, stored: the sandbox authorizes every request of its one user, whatever they bind.</summary>
public sealed class RoleBindingStrategy : ResourceStrategy<V1RoleBinding>
{
    public static readonly ResourceType Type = new(RbacValidation.Group, "v1", "rolebindings", "rolebinding", "RoleBinding", Namespaced: true, typeof(V1RoleBinding));

    private static readonly string[] RoleKinds = ["Role", "ClusterRole"];

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new BindingPrinter<V1RoleBinding>("roleBinding", b => b.RoleRef, b => b.Subjects);

    protected override void Validate(V1RoleBinding obj, V1RoleBinding? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, RbacValidation.PathSegmentName, errors);
        RbacValidation.Binding(obj.RoleRef, old?.RoleRef, obj.Subjects, namespaced: true, RoleKinds, errors);
    }
}
