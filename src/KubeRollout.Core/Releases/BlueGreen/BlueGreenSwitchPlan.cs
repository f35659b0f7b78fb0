using System.Text;
using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// A switch worked out and checked, before anything is written: the selector before and after, the side that
/// has the traffic and the one that gets it, and the pods that gain and lose traffic. -WhatIf shows it, -Verify
/// receives it, and the switch writes exactly it (or fails when the Service changed meanwhile).
/// </summary>
public sealed class BlueGreenSwitchPlan
{
    public required string Namespace { get; init; }

    public required string Service { get; init; }

    /// <summary>The Deployments whose pods are the ready endpoints now (none when nothing receives traffic).</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The Deployment that gets the traffic.</summary>
    public required string To { get; init; }

    public required IReadOnlyDictionary<string, string> PreviousSelector { get; init; }

    public required IReadOnlyDictionary<string, string> Selector { get; init; }

    /// <summary>The target's pods that the new selector makes ready endpoints.</summary>
    public required IReadOnlyList<ServiceEndpoint> TargetPods { get; init; }

    /// <summary>Ready pods that start receiving traffic.</summary>
    public required IReadOnlyList<ServiceEndpoint> Gaining { get; init; }

    /// <summary>Ready endpoints that stop receiving traffic.</summary>
    public required IReadOnlyList<ServiceEndpoint> Losing { get; init; }

    /// <summary>True for a switch back to the side before the last recorded switch (-Back).</summary>
    public bool Back { get; init; }

    /// <summary>True when the Service already has this selector: nothing to write.</summary>
    public bool IsNoOp => ServiceSelectors.SameAs(PreviousSelector, Selector);

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The Service as it was read for the plan: the first write is conditional on its resourceVersion.</summary>
    internal V1Service? ServiceObject { get; init; }

    /// <summary>The plan as -WhatIf prints it.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(FormattableString.Invariant($"service/{Service} in namespace {Namespace}: "));
        if (IsNoOp)
        {
            return text.Append(FormattableString.Invariant($"already selects deployment {To} ({ServiceSelectors.Format(Selector)}); nothing to switch")).ToString();
        }

        text.Append(Back ? "switch back " : "switch ")
            .Append(From.Count == 0 ? "from no Deployment" : $"from {string.Join(", ", From)}")
            .AppendLine(FormattableString.Invariant($" to {To}"))
            .AppendLine(FormattableString.Invariant($"    selector:            {ServiceSelectors.Format(PreviousSelector)} -> {ServiceSelectors.Format(Selector)}"))
            .AppendLine(FormattableString.Invariant($"    pods gaining traffic: {List(Gaining)}"))
            .Append(FormattableString.Invariant($"    pods losing traffic:  {List(Losing)}"));
        foreach (var warning in Warnings)
        {
            text.AppendLine().Append("    warning: ").Append(warning);
        }

        return text.ToString();
    }

    public override string ToString() => $"service/{Service}: {ServiceSelectors.Format(PreviousSelector)} -> {ServiceSelectors.Format(Selector)} ({To})";

    private static string List(IReadOnlyList<ServiceEndpoint> endpoints) => endpoints.Count == 0 ? "none" : string.Join(", ", endpoints);
}
