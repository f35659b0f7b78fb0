namespace KubeRollout.Core.Releases.Guard;

/// <summary>What a guarded wait does with a rollout it watched to its end.</summary>
public enum RolloutVerdict
{
    /// <summary>It rolled out completely: nothing to report but the status.</summary>
    Completed,

    /// <summary>It did not (failed, timed out, paused, waits for deletions, deleted): an error.</summary>
    Fail,

    /// <summary>It failed and is rolled back to the previous revision, which is then waited for.</summary>
    RollBack,
}
