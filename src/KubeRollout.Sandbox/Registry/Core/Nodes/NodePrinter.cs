using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Nodes;

internal sealed class NodePrinter : TablePrinter<V1Node>
{
    private const string RoleLabelPrefix = "node-role.kubernetes.io/";
    private const string RoleLabel = "kubernetes.io/role";

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Status", "string", "The status of the node"),
        new("Roles", "string", "The roles of the node"),
        TableColumn.Age(),
        new("Version", "string", "Kubelet Version reported by the node."),
        new("Internal-IP", "string", "List of addresses reachable to the node.", 1),
        new("External-IP", "string", "List of addresses reachable to the node.", 1),
        new("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
        new("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
        new("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
    ];

    protected override object?[] Cells(V1Node node, DateTime now)
    {
        var statuses = new List<string>();
        if (node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { } ready)
        {
            statuses.Add(ready.Status == "True" ? "Ready" : "NotReady");
        }
        else
        {
            statuses.Add("Unknown");
        }

        if (node.Spec?.Unschedulable == true)
        {
            statuses.Add("SchedulingDisabled");
        }

        var roles = Roles(node.Metadata.Labels);
        var info = node.Status?.NodeInfo;
        return
        [
            node.Metadata.Name,
            string.Join(",", statuses),
            roles.Count == 0 ? "<none>" : string.Join(",", roles),
            HumanDuration.Since(node.Metadata.CreationTimestamp, now),
            info?.KubeletVersion ?? string.Empty,
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            OrUnknown(info?.OsImage),
            OrUnknown(info?.KernelVersion),
            OrUnknown(info?.ContainerRuntimeVersion),
        ];
    }

    private static List<string> Roles(IDictionary<string, string>? labels)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) && key.Length > RoleLabelPrefix.Length)
            {
                roles.Add(key[RoleLabelPrefix.Length..]);
            }
            else if (key == RoleLabel && value.Length > 0)
            {
                roles.Add(value);
            }
        }

        return roles.ToList();
    }

    private static string Address(V1Node node, string type) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == type)?.Address ?? "<none>";

    private static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? "<unknown>" : value;
}
