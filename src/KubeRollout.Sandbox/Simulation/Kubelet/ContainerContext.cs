namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// What a container's state machine needs from its pod: the behavior in force at a start, restart policy, names, and
/// what (if anything) keeps a container from being created: a missing env source (CreateContainerConfigError).
/// </summary>
public sealed record ContainerContext(Func<string, ContainerBehavior> Decide, TimeSpan? CrashAfter, string RestartPolicy, string PodDescription, Func<string, string?> ConfigError);
