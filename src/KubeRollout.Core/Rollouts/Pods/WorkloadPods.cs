using System.Globalization;
using k8s.Models;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>What the controllers read from a workload's pods: readiness, revision, ordinal and node.</summary>
public static class WorkloadPods
{
    public static bool IsReady(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>The controller-revision-hash label: the ControllerRevision name (StatefulSet) or its hash (DaemonSet).</summary>
    public static string? RevisionOf(V1Pod pod) =>
        pod.Metadata.Labels?.TryGetValue(WellKnownAnnotations.ControllerRevisionHashLabel, out var revision) == true ? revision : null;

    /// <summary>The ordinal of a StatefulSet pod (NAME-N), or null when the name is not of that form.</summary>
    public static int? OrdinalOf(V1Pod pod, string statefulSetName)
    {
        var name = pod.Metadata.Name;
        return name.Length > statefulSetName.Length + 1
            && name.StartsWith(statefulSetName + "-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(statefulSetName.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
                ? ordinal
                : null;
    }

    /// <summary>The node a pod runs on, or for a DaemonSet pod not yet scheduled the node its affinity names.</summary>
    public static string? NodeOf(V1Pod pod) =>
        pod.Spec?.NodeName
        ?? pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms?
            .SelectMany(t => t.MatchFields ?? [])
            .FirstOrDefault(f => f.Key == "metadata.name" && f.OperatorProperty == "In")?.Values?.FirstOrDefault();

    public static bool IsControlledBy(V1Pod pod, string uid) =>
        pod.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true;
}
