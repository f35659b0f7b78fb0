namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>What a container's state machine needs from its pod: the behavior in force at a start, restart policy, names.</summary>
public sealed record ContainerContext(Func<string, ContainerBehavior> Decide, TimeSpan? CrashAfter, string RestartPolicy, string PodDescription);
