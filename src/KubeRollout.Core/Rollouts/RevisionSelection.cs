using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>Picking one revision out of a history, as kubectl rollout history --revision N does (pure).</summary>
public static class RevisionSelection
{
    /// <summary>kubectl refuses a negative revision before it reads anything.</summary>
    public static void RequireValid(long revision)
    {
        if (revision < 0)
        {
            throw new KubeRolloutException("RevisionInvalid", FailureKind.InvalidArgument, $"revision must be a positive integer: {revision}", revision);
        }
    }

    public static RolloutRevision Find(IReadOnlyList<RolloutRevision> history, long revision, WorkloadReference workload) =>
        history.FirstOrDefault(r => r.Revision == revision)
        ?? throw new KubeRolloutException("RevisionNotFound", FailureKind.ObjectNotFound, "unable to find the specified revision", workload);
}
