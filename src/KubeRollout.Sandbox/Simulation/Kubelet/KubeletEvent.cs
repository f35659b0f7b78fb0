namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>An event the kubelet reports about a container of a pod.</summary>
public sealed record KubeletEvent(string Type, string Reason, string Message, string ContainerName);
