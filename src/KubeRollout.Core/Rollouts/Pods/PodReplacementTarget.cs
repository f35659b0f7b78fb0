namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>One pod to replace: by ordinal (StatefulSet) or by node (DaemonSet), with the revision it runs.</summary>
public sealed record PodReplacementTarget(string PodName, string Uid, int? Ordinal, string? Node, string? Revision)
{
    public override string ToString() =>
        Ordinal is { } ordinal ? $"pod {PodName} (ordinal {ordinal}, revision {Revision ?? "<none>"})"
        : $"pod {PodName} (node {Node ?? "<unscheduled>"}, revision {Revision ?? "<none>"})";
}
