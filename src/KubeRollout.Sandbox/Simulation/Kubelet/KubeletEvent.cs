namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// An event the kubelet reports about a pod: about one of its containers (<see cref="ContainerName"/>, the field path
/// spec.containers{NAME}), another part of it (<see cref="FieldPath"/>, an init container), or the pod as a whole.
/// </summary>
public sealed record KubeletEvent(string Type, string Reason, string Message, string? ContainerName, string? FieldPath = null);
