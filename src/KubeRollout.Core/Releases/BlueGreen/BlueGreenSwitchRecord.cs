namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// One switch of a Service, as recorded on it: which side had the traffic (<see cref="From"/>, the Deployments whose
/// pods were its endpoints), which got it (<see cref="To"/>), the selector before and after, when and why.
/// Numbers only grow: a switch back is a new record, like a new revision of a rollback.
/// </summary>
public sealed class BlueGreenSwitchRecord
{
    public string Namespace { get; init; } = string.Empty;

    public string Service { get; init; } = string.Empty;

    public required long Number { get; init; }

    public required DateTime Time { get; init; }

    /// <summary>The Deployments whose pods received the traffic before (comma-separated), or null when none did.</summary>
    public string? From { get; init; }

    public required string To { get; init; }

    public required IReadOnlyDictionary<string, string> PreviousSelector { get; init; }

    public required IReadOnlyDictionary<string, string> Selector { get; init; }

    public string? Cause { get; init; }

    /// <summary>True for the newest record when the Service's selector is still the one it set.</summary>
    public bool IsCurrent { get; init; }

    public override string ToString() => $"{Number}: {From ?? "<none>"} -> {To} ({ServiceSelectors.Format(Selector)})";
}
