using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Policy.PodDisruptionBudgets;

/// <summary>Disruption budgets as the API server prints them: min available, max unavailable (N/A when unset), allowed disruptions, age.</summary>
internal sealed class PodDisruptionBudgetPrinter : TablePrinter<V1PodDisruptionBudget>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Min Available", "string", "The minimum number of pods that must be available simultaneously.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
        new("Max Unavailable", "string", "The maximum number of pods that may be unavailable simultaneously.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
        new("Allowed Disruptions", "integer", "Calculated number of pod disruptions that are currently allowed."),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1PodDisruptionBudget budget, DateTime now) =>
    [
        budget.Metadata.Name,
        budget.Spec?.MinAvailable?.Value ?? "N/A",
        budget.Spec?.MaxUnavailable?.Value ?? "N/A",
        (long)(budget.Status?.DisruptionsAllowed ?? 0),
        HumanDuration.Since(budget.Metadata.CreationTimestamp, now),
    ];
}
