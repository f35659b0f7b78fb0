namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>What a simulated container does when it starts.</summary>
public enum ContainerBehavior
{
    /// <summary>Runs; Ready once its readiness probe's initial delay has passed (at once without a probe).</summary>
    Normal,

    /// <summary>Runs briefly, exits with code 1 and is restarted with CrashLoopBackOff; never Ready.</summary>
    Crash,

    /// <summary>Its image cannot be pulled: ErrImagePull, then ImagePullBackOff.</summary>
    Unpullable,

    /// <summary>Runs but its readiness probe never succeeds.</summary>
    NeverReady,

    /// <summary>Runs and is Ready, whatever the failure rules say.</summary>
    Ready,
}
