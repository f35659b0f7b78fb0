using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Workloads;

/// <summary>
/// How a command takes -Name values: the kind a bare name means (and whether -Kind was given), the namespace to
/// look in (null: every namespace), and, for a command that changes workloads, its name: such a command takes exact
/// names only, since a pattern could match more than meant.
/// </summary>
public sealed record WorkloadQuery(WorkloadKind DefaultKind, bool KindGiven, string? Namespace, string? ChangingCommand = null)
{
    /// <summary>What one -Name value selects (null: every workload, of -Kind or of every kind); a pattern is refused for a changing command.</summary>
    public WorkloadSelector Selector(string? name)
    {
        if (name is null)
        {
            return WorkloadSelector.All(KindGiven ? DefaultKind : null);
        }

        var selector = WorkloadSelector.Parse(name, DefaultKind, KindGiven);
        if (selector.IsPattern && ChangingCommand is { } command)
        {
            throw new KubeRolloutException(
                "WorkloadNamePatternNotAccepted", FailureKind.InvalidArgument,
                $"{command} changes workloads and takes exact names, not the pattern '{name}': list them with Get-KubeRolloutStatus '{name}' and pipe the ones you mean.", name);
        }

        return selector;
    }
}
