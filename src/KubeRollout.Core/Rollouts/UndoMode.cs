namespace KubeRollout.Core.Rollouts;

/// <summary>How an undo is carried out: for real, or as kubectl's --dry-run=client / --dry-run=server.</summary>
public enum UndoMode
{
    Apply,
    ClientDryRun,
    ServerDryRun,
}
