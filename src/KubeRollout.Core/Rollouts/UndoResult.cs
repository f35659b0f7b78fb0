using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>What an undo did: from which revision to which, and the number the restored revision now has.</summary>
public sealed class UndoResult
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The revision that was current before the undo.</summary>
    public long? FromRevision { get; init; }

    /// <summary>The revision rolled back to, by the number it had.</summary>
    public long ToRevision { get; init; }

    /// <summary>The number the restored revision got (max + 1), once the controller has renumbered it.</summary>
    public long? NewRevision { get; init; }

    public bool Skipped { get; init; }

    public bool DryRun { get; init; }

    /// <summary>kubectl's message: "rolled back", or "skipped rollback (…)".</summary>
    public required string Message { get; init; }

    public IReadOnlyList<TemplateChange> Changes { get; init; } = [];

    /// <summary>What the user must know about the rollout the undo starts: a Recreate Deployment is down until its pods are ready.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}.apps/{Name} {Message}";
}
