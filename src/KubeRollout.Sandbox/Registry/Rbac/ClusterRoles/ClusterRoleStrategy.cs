using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Rbac.ClusterRoles;

/// <summary>rbac.authorization.k8s.io/v1 clusterroles, stored: the sandbox authorizes every request of its one user, whatever they grant.</summary>
public sealed class ClusterRoleStrategy : ResourceStrategy<V1ClusterRole>
{
    public static readonly ResourceType Type = new(RbacValidation.Group, "v1", "clusterroles", "clusterrole", "ClusterRole", Namespaced: false, typeof(V1ClusterRole));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new DefaultTablePrinter();

    protected override void Validate(V1ClusterRole obj, V1ClusterRole? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, RbacValidation.PathSegmentName, errors);
        RbacValidation.Rules(obj.Rules, namespaced: false, errors);
    }
}
