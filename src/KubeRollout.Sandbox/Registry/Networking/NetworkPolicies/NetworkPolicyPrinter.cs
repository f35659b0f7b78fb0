using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Networking.NetworkPolicies;

/// <summary>Network policies as the API server prints them: the pod selector (&lt;none&gt; for every pod), age.</summary>
internal sealed class NetworkPolicyPrinter : TablePrinter<V1NetworkPolicy>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Pod-Selector", "string", "podSelector selects the pods to which this NetworkPolicy object applies. The array of rules is applied to any pods selected by this field. An empty selector matches all pods in this namespace."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1NetworkPolicy policy, DateTime now) =>
    [
        policy.Metadata.Name,
        PrintFormatting.LabelSelector(policy.Spec?.PodSelector),
        HumanDuration.Since(policy.Metadata.CreationTimestamp, now),
    ];
}
