namespace KubeRollout.Core.Cluster;

public enum PatchKind
{
    Json,
    Merge,
    StrategicMerge,
}
