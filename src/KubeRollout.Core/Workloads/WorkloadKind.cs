namespace KubeRollout.Core.Workloads;

/// <summary>The kinds of workload whose pod template rolls out.</summary>
public enum WorkloadKind
{
    Deployment,
    StatefulSet,
    DaemonSet,
}
