using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// One difference between two revisions of a workload: a field of the pod template (<see cref="Area"/> "template"),
/// or a key of a ConfigMap or Secret the two revisions reference in the same place (<see cref="Area"/> names the
/// two objects). A Secret's values are never given (<see cref="ValueHidden"/>).
/// </summary>
public sealed class RevisionDifference
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required long ReferenceRevision { get; init; }

    public required long DifferenceRevision { get; init; }

    /// <summary>"template", or "configmap A -> B" / "secret A -> B" for the data of the objects referenced.</summary>
    public required string Area { get; init; }

    /// <summary>The template field (spec.containers[web].image) or the data key.</summary>
    public required string Field { get; init; }

    /// <summary>Added, Removed or Changed, from the reference revision to the difference revision.</summary>
    public required string Change { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public bool ValueHidden { get; init; }

    public override string ToString()
    {
        var values = ValueHidden ? " (value hidden)" : Change switch
        {
            "Added" => $": {To}",
            "Removed" => $": {From}",
            _ => $": {From} -> {To}",
        };
        return $"{Area}: {Change} {Field}{values}";
    }
}
