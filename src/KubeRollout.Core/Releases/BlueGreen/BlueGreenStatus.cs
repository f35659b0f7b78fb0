namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// A Service's blue-green state: its selector, the side that has the traffic and the one that can take it (each
/// with revision, images and ready replicas), and the endpoints its EndpointSlices list now.
/// </summary>
public sealed class BlueGreenStatus
{
    public required string Namespace { get; init; }

    public required string Service { get; init; }

    /// <summary>The selector as kubectl prints it (app=vweb,slot=blue).</summary>
    public required string Selector { get; init; }

    /// <summary>The side with the traffic, when exactly one has it.</summary>
    public BlueGreenSide? Active { get; init; }

    /// <summary>The side a switch would go to, when there is exactly one.</summary>
    public BlueGreenSide? Standby { get; init; }

    /// <summary>Every side found, active ones first.</summary>
    public IReadOnlyList<BlueGreenSide> Sides { get; init; } = [];

    /// <summary>What the EndpointSlices list now, ready or not.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints { get; init; } = [];

    /// <summary>The pods that receive the traffic now: the ready endpoints.</summary>
    public IReadOnlyList<string> EndpointPods { get; init; } = [];

    public BlueGreenSwitchRecord? LastSwitch { get; init; }

    public required string Message { get; init; }

    public override string ToString() => $"service/{Service}: {Message}";
}
