namespace KubeRollout.Core.Rollouts;

public enum RolloutAction
{
    Paused,
    Resumed,
    Restarted,
}
