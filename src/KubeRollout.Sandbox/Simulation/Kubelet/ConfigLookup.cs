using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>The ConfigMaps and Secrets of a pod's namespace as the kubelet's managers see them (null: not found).</summary>
public sealed record ConfigLookup(Func<string, V1ConfigMap?> ConfigMap, Func<string, V1Secret?> Secret);
