namespace KubeRollout.Core.Workloads;

/// <summary>
/// What a -Name value selects: kubectl's NAME or TYPE/NAME, where NAME may be a wildcard pattern. A pattern without
/// a type and without -Kind selects workloads of every kind, as no name does; an exact name without a type is of
/// the default kind, as it always was.
/// </summary>
public sealed record WorkloadSelector(IReadOnlyList<WorkloadKind> Kinds, string Name)
{
    public static readonly IReadOnlyList<WorkloadKind> AllKinds = Enum.GetValues<WorkloadKind>();

    public bool IsPattern => WildcardName.HasWildcards(Name);

    public static WorkloadSelector Parse(string text, WorkloadKind defaultKind, bool kindGiven)
    {
        // Parse validates the TYPE/ prefix and the name; the namespace does not matter here.
        var reference = WorkloadReference.Parse(text, defaultKind, string.Empty, kindGiven);
        var typed = kindGiven || text.Contains('/', StringComparison.Ordinal);
        return WildcardName.HasWildcards(reference.Name) && !typed
            ? new WorkloadSelector(AllKinds, reference.Name)
            : new WorkloadSelector([reference.Kind], reference.Name);
    }

    /// <summary>Every workload of these kinds, when no name is given.</summary>
    public static WorkloadSelector All(WorkloadKind? kind) => new(kind is { } k ? [k] : AllKinds, "*");

    /// <summary>The workloads that match, in the order kubectl get lists them (namespace, kind, name).</summary>
    public IReadOnlyList<WorkloadReference> Filter(IEnumerable<WorkloadReference> workloads)
    {
        var pattern = new WildcardName(Name);
        return workloads
            .Where(w => Kinds.Contains(w.Kind) && (IsPattern ? pattern.IsMatch(w.Name) : w.Name == Name))
            .OrderBy(w => w.Namespace, StringComparer.Ordinal)
            .ThenBy(w => w.Kind)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }
}
