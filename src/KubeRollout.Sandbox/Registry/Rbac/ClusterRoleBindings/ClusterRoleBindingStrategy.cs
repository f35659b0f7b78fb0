using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Rbac.ClusterRoleBindings;

/// <summary>rbac.authorization.k8s.io/v1 clusterrolebindings, stored: the sandbox authorizes every request of its one user, whatever they bind.</summary>
public sealed class ClusterRoleBindingStrategy : ResourceStrategy<V1ClusterRoleBinding>
{
    public static readonly ResourceType Type = new(RbacValidation.Group, "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", Namespaced: false, typeof(V1ClusterRoleBinding));

    private static readonly string[] RoleKinds = ["ClusterRole"];

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new BindingPrinter<V1ClusterRoleBinding>("clusterRoleBinding", b => b.RoleRef, b => b.Subjects);

    protected override void Validate(V1ClusterRoleBinding obj, V1ClusterRoleBinding? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, RbacValidation.PathSegmentName, errors);
        RbacValidation.Binding(obj.RoleRef, old?.RoleRef, obj.Subjects, namespaced: false, RoleKinds, errors);
    }
}
