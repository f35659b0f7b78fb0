using KubeRollout.Core.Rollouts;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>One side of a blue-green release: a Deployment, its revision, images and replicas, and whether it has the traffic.</summary>
public sealed class BlueGreenSide
{
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public required BlueGreenRole Role { get; init; }

    public long? Revision { get; init; }

    public IReadOnlyList<string> Images { get; init; } = [];

    public int Replicas { get; init; }

    public int ReadyReplicas { get; init; }

    public int AvailableReplicas { get; init; }

    public RolloutState State { get; init; }

    /// <summary>kubectl rollout status's message for the Deployment.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>How many of its pods are ready endpoints of the Service now.</summary>
    public int Endpoints { get; init; }

    /// <summary>The Deployment's name, so that a side binds to a parameter that takes one (Switch-KubeBlueGreen -To).</summary>
    public override string ToString() => Name;
}
