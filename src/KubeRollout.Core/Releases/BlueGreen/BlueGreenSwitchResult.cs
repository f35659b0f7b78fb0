namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>What a switch did: the selector before and after, the pods that gained and lost traffic, the endpoints after it, the record it wrote.</summary>
public sealed record BlueGreenSwitchResult
{
    public required string Namespace { get; init; }

    public required string Service { get; init; }

    /// <summary>The Deployments that had the traffic (comma-separated), or null.</summary>
    public string? From { get; init; }

    public required string To { get; init; }

    public required string PreviousSelector { get; init; }

    public required string Selector { get; init; }

    /// <summary>False when the Service already had the selector: nothing was written.</summary>
    public bool Switched { get; init; }

    public bool Back { get; init; }

    /// <summary>The number of the switch record written on the Service.</summary>
    public long? Record { get; init; }

    public IReadOnlyList<string> Gained { get; init; } = [];

    public IReadOnlyList<string> Lost { get; init; } = [];

    /// <summary>True when the switch waited until the EndpointSlices listed exactly the target's ready pods.</summary>
    public bool Waited { get; init; }

    /// <summary>The Service's ready endpoints after the wait (pod and address).</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints { get; init; } = [];

    /// <summary>The old side's Deployments scaled to 0 after the switch, with the replicas they had.</summary>
    public IReadOnlyList<string> ScaledDown { get; init; } = [];

    public required string Message { get; init; }

    public override string ToString() => $"service/{Service}: {Message}";
}
