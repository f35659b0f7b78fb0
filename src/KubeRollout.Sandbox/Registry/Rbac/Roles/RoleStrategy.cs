using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Rbac.Roles;

/// <summary>rbac.authorization.k8s.io/v1 roles, stored: the sandbox authorizes every request of its one user, whatever they grant.</summary>
public sealed class RoleStrategy : ResourceStrategy<V1Role>
{
    public static readonly ResourceType Type = new(RbacValidation.Group, "v1", "roles", "role", "Role", Namespaced: true, typeof(V1Role));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new DefaultTablePrinter();

    protected override void Validate(V1Role obj, V1Role? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, RbacValidation.PathSegmentName, errors);
        RbacValidation.Rules(obj.Rules, namespaced: true, errors);
    }
}
