using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>The result of pause, resume or restart, with kubectl's message ("deployment.apps/vweb paused").</summary>
public sealed class RolloutActionResult
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required RolloutAction Action { get; init; }

    /// <summary>For a restart: the kubectl.kubernetes.io/restartedAt value written into the template.</summary>
    public DateTime? RestartedAt { get; init; }

    public bool DryRun { get; init; }

    public required string Message { get; init; }

    /// <summary>What the user must know about the rollout a restart starts: a Recreate Deployment is down until its pods are ready.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() => Message;

    internal RolloutActionResult WithWarnings(IReadOnlyList<string> warnings) => new()
    {
        Kind = Kind,
        Namespace = Namespace,
        Name = Name,
        Action = Action,
        RestartedAt = RestartedAt,
        DryRun = DryRun,
        Message = Message,
        Warnings = warnings,
    };
}
