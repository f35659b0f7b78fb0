using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Rbac;

/// <summary>
/// Role and cluster role bindings as the API server prints them: the role (Kind/name), age, and with -o wide the
/// users, groups and service accounts (namespace/name) bound.
/// </summary>
internal sealed class BindingPrinter<TBinding>(string what, Func<TBinding, V1RoleRef?> roleRef, Func<TBinding, IList<Rbacv1Subject>?> subjects) : TablePrinter<TBinding>
    where TBinding : class, IKubernetesObject<V1ObjectMeta>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Role", "string", "RoleRef can only reference the current namespace. It can reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error."),
        TableColumn.Age(),
        new("Users", "string", $"Users in the {what}", 1),
        new("Groups", "string", $"Groups in the {what}", 1),
        new("ServiceAccounts", "string", $"ServiceAccounts in the {what}", 1),
    ];

    protected override object?[] Cells(TBinding binding, DateTime now)
    {
        var bound = subjects(binding) ?? [];
        string Of(string kind, Func<Rbacv1Subject, string> text) => string.Join(", ", bound.Where(s => s.Kind == kind).Select(text));
        return
        [
            binding.Metadata.Name,
            $"{roleRef(binding)?.Kind}/{roleRef(binding)?.Name}",
            HumanDuration.Since(binding.Metadata.CreationTimestamp, now),
            Of("User", s => s.Name),
            Of("Group", s => s.Name),
            Of("ServiceAccount", s => string.IsNullOrEmpty(s.NamespaceProperty) ? s.Name : $"{s.NamespaceProperty}/{s.Name}"),
        ];
    }
}
