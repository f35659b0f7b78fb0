namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>A container run that ended: what containerStatuses report as state or lastState "terminated".</summary>
public sealed record TerminatedRun(int ExitCode, string Reason, DateTime StartedAt, DateTime FinishedAt, string ContainerId);
