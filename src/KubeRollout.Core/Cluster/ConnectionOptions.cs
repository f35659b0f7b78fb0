namespace KubeRollout.Core.Cluster;

/// <summary>Which cluster to talk to, as kubectl's --kubeconfig, --context and --namespace say it.</summary>
public sealed record ConnectionOptions(string? KubeConfigPath = null, string? Context = null, string? Namespace = null);
