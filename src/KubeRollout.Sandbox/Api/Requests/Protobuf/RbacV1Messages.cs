using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Field numbers from k8s.io/api/rbac/v1/generated.proto: roles and bindings as kubectl create role, clusterrole,
/// rolebinding and clusterrolebinding send them.
/// </summary>
internal static class RbacV1Messages
{
    public static readonly ProtoMessage PolicyRule = new("PolicyRule",
        Strings(1, "verbs"),
        Strings(2, "apiGroups"),
        Strings(3, "resources"),
        Strings(4, "resourceNames"),
        Strings(5, "nonResourceURLs"));

    public static readonly ProtoMessage AggregationRule = new("AggregationRule",
        Objects(1, "clusterRoleSelectors", MetaV1Messages.LabelSelector));

    public static readonly ProtoMessage Subject = new("Subject",
        String(1, "kind"),
        String(2, "apiGroup"),
        String(3, "name"),
        String(4, "namespace"));

    public static readonly ProtoMessage RoleRef = new("RoleRef",
        String(1, "apiGroup"),
        String(2, "kind"),
        String(3, "name"));

    public static readonly ProtoMessage Role = new("Role",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Objects(2, "rules", PolicyRule));

    public static readonly ProtoMessage ClusterRole = new("ClusterRole",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Objects(2, "rules", PolicyRule),
        Object(3, "aggregationRule", AggregationRule));

    public static readonly ProtoMessage RoleBinding = new("RoleBinding",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Objects(2, "subjects", Subject),
        Object(3, "roleRef", RoleRef));

    public static readonly ProtoMessage ClusterRoleBinding = new("ClusterRoleBinding",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Objects(2, "subjects", Subject),
        Object(3, "roleRef", RoleRef));
}
