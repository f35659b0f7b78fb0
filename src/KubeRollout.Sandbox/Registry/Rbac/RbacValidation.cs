using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Rbac;

/// <summary>
/// What pkg/apis/rbac/validation checks that manifests get wrong: names usable in a URL path, rules with verbs and,
/// for resources, API groups and resources; bindings to a role of the right kind, whose roleRef never changes, and
/// subjects of a known kind.
/// </summary>
internal static class RbacValidation
{
    public const string Group = "rbac.authorization.k8s.io";

    /// <summary>RBAC objects may have any name a URL path segment can hold.</summary>
    public static IReadOnlyList<string> PathSegmentName(string name) =>
        name is "." or ".." ? [$"may not be '{name}'"]
        : name.Contains('/', StringComparison.Ordinal) ? ["may not contain '/'"]
        : name.Contains('%', StringComparison.Ordinal) ? ["may not contain '%'"]
        : [];

    public static void Rules(IList<V1PolicyRule>? rules, bool namespaced, FieldErrors errors)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            var path = $"rules[{i}]";
            if ((rule.Verbs?.Count ?? 0) == 0)
            {
                errors.Required($"{path}.verbs", "verbs must contain at least one value");
            }

            if ((rule.NonResourceURLs?.Count ?? 0) > 0)
            {
                if (namespaced)
                {
                    errors.Invalid($"{path}.nonResourceURLs", GoValue.StringList(rule.NonResourceURLs), "namespaced rules cannot apply to non-resource URLs");
                }

                continue;
            }

            if ((rule.ApiGroups?.Count ?? 0) == 0)
            {
                errors.Required($"{path}.apiGroups", "resource rules must supply at least one api group");
            }

            if ((rule.Resources?.Count ?? 0) == 0)
            {
                errors.Required($"{path}.resources", "resource rules must supply at least one resource");
            }
        }
    }

    /// <param name="kinds">The kinds of role the binding may name: Role and ClusterRole, or ClusterRole only.</param>
    public static void Binding(V1RoleRef? roleRef, V1RoleRef? oldRoleRef, IList<Rbacv1Subject>? subjects, bool namespaced, string[] kinds, FieldErrors errors)
    {
        if (roleRef?.ApiGroup != Group)
        {
            errors.NotSupported("roleRef.apiGroup", GoValue.Quote(roleRef?.ApiGroup), Group);
        }

        if (!kinds.Contains(roleRef?.Kind))
        {
            errors.NotSupported("roleRef.kind", GoValue.Quote(roleRef?.Kind), kinds);
        }

        if (string.IsNullOrEmpty(roleRef?.Name))
        {
            errors.Required("roleRef.name");
        }

        if (oldRoleRef is not null && (oldRoleRef.ApiGroup != roleRef?.ApiGroup || oldRoleRef.Kind != roleRef?.Kind || oldRoleRef.Name != roleRef?.Name))
        {
            errors.Invalid("roleRef", $"rbac.RoleRef{{APIGroup:{GoValue.Quote(roleRef?.ApiGroup)}, Kind:{GoValue.Quote(roleRef?.Kind)}, Name:{GoValue.Quote(roleRef?.Name)}}}", "cannot change roleRef");
        }

        for (var i = 0; i < (subjects?.Count ?? 0); i++)
        {
            var subject = subjects![i];
            if (string.IsNullOrEmpty(subject.Name))
            {
                errors.Required($"subjects[{i}].name");
            }

            switch (subject.Kind)
            {
                case "ServiceAccount" when !namespaced && string.IsNullOrEmpty(subject.NamespaceProperty):
                    errors.Required($"subjects[{i}].namespace");
                    break;
                case "ServiceAccount" or "User" or "Group":
                    break;
                default:
                    errors.NotSupported($"subjects[{i}].kind", GoValue.Quote(subject.Kind), "ServiceAccount", "User", "Group");
                    break;
            }
        }
    }
}
