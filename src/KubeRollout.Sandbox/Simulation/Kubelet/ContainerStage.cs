namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>Where a simulated container is in its life.</summary>
public enum ContainerStage
{
    /// <summary>Waiting, ContainerCreating (sandbox and image being prepared).</summary>
    Creating,

    Running,

    /// <summary>Exited with an error, about to be restarted or put in back-off.</summary>
    Exited,

    /// <summary>Waiting, CrashLoopBackOff.</summary>
    CrashLoopBackOff,

    /// <summary>Waiting, ErrImagePull.</summary>
    ErrImagePull,

    /// <summary>Waiting, ImagePullBackOff.</summary>
    ImagePullBackOff,

    /// <summary>Waiting, CreateContainerConfigError: an env source (ConfigMap, Secret or key) is missing; retried.</summary>
    ConfigError,

    /// <summary>Exited and not restarted: completed (exit code 0), or failed under restartPolicy Never.</summary>
    Dead,
}
