using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;

namespace KubeRollout.Core.Releases.Guard;

/// <summary>What a guarded wait reports while it runs, in the order the caller must show it.</summary>
public abstract record RolloutGuardEvent
{
    private RolloutGuardEvent()
    {
    }

    /// <summary>A rollout's status changed: its progress bar (<paramref name="Activity"/> numbers the workloads of one wait from 1) and a verbose line.</summary>
    public sealed record Observed(RolloutStatus Status, int Activity, string ActivityText, int PercentComplete) : RolloutGuardEvent
    {
        public string Verbose => $"{Status.Kind.ToString().ToLowerInvariant()}.apps/{Status.Name}: {Status.Message}";
    }

    /// <summary>The wait the progress bars of these activities showed is over.</summary>
    public sealed record Ended(IReadOnlyList<int> Activities) : RolloutGuardEvent;

    /// <summary>Something the user should know that is not an error (verbose).</summary>
    public sealed record Noted(string Message) : RolloutGuardEvent;

    /// <summary>A warning: a failed rollout is being rolled back (and, under Recreate, is down until the rollback's pods are ready).</summary>
    public sealed record Warned(string Message) : RolloutGuardEvent;

    /// <summary>The undo of a failed rollout, an output object.</summary>
    public sealed record RolledBack(UndoResult Undo) : RolloutGuardEvent;

    /// <summary>An error: a rollout that did not complete, a rollback that could not be made, a lost connection.</summary>
    public sealed record Failed(KubeRolloutException Failure) : RolloutGuardEvent;
}
