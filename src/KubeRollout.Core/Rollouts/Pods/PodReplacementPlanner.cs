using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Pods;

/// <summary>
/// Which pods of an OnDelete workload to replace, and in which order: the pods not on the update revision,
/// StatefulSet pods from the highest ordinal down (the order the controller's rolling update uses), DaemonSet pods
/// by node name; narrowed to the ordinals or nodes the user names. One pod is replaced at a time, and only while
/// every other pod of the workload is Ready, so a replacement never takes a second pod out of service.
/// </summary>
public static class PodReplacementPlanner
{
    public static PodReplacementSelection Plan(
        WorkloadKind kind, string workloadName, IEnumerable<V1Pod> pods, string updateRevision,
        IReadOnlyCollection<int>? ordinals = null, IReadOnlyCollection<string>? nodes = null)
    {
        var live = pods.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        var candidates = live
            .Select(p => new PodReplacementTarget(
                p.Metadata.Name, p.Metadata.Uid, kind == WorkloadKind.StatefulSet ? WorkloadPods.OrdinalOf(p, workloadName) : null,
                WorkloadPods.NodeOf(p), WorkloadPods.RevisionOf(p)))
            .ToList();

        var missing = new List<string>();
        if (ordinals is { Count: > 0 })
        {
            missing.AddRange(ordinals.Where(o => candidates.All(c => c.Ordinal != o)).Select(o => $"ordinal {o}"));
            candidates = candidates.Where(c => c.Ordinal is { } o && ordinals.Contains(o)).ToList();
        }

        if (nodes is { Count: > 0 })
        {
            missing.AddRange(nodes.Where(n => candidates.All(c => !string.Equals(c.Node, n, StringComparison.Ordinal))).Select(n => $"node {n}"));
            candidates = candidates.Where(c => c.Node is { } n && nodes.Contains(n, StringComparer.Ordinal)).ToList();
        }

        if (missing.Count > 0)
        {
            throw new KubeRolloutException(
                "PodNotFound", FailureKind.ObjectNotFound,
                $"{kind.ToString().ToLowerInvariant()}.apps/{workloadName} has no pod at {string.Join(", ", missing)}.", workloadName);
        }

        var ordered = kind == WorkloadKind.StatefulSet
            ? candidates.OrderByDescending(c => c.Ordinal ?? -1).ThenBy(c => c.PodName, StringComparer.Ordinal)
            : candidates.OrderBy(c => c.Node ?? string.Empty, StringComparer.Ordinal).ThenBy(c => c.PodName, StringComparer.Ordinal);
        var outdated = new List<PodReplacementTarget>();
        var current = new List<PodReplacementTarget>();
        foreach (var candidate in ordered)
        {
            (candidate.Revision == updateRevision ? current : outdated).Add(candidate);
        }

        return new PodReplacementSelection(outdated, current);
    }

    /// <summary>
    /// The pods the user named (by ordinal or node) that are already at the update revision: they are not replaced,
    /// and the user is told so; pods not named are left alone without a word.
    /// </summary>
    public static IReadOnlyList<string> AlreadyUpToDate(PodReplacementSelection selection, string updateRevision, bool named) =>
        named ? selection.UpToDate.Select(p => $"{p.PodName} is already at revision {updateRevision}; it is not replaced.").ToList() : [];

    /// <summary>The pods, other than the one about to be replaced, that are not Ready: while any is, replacing would exceed the budget of one unavailable pod.</summary>
    public static IReadOnlyList<string> Blocking(IEnumerable<V1Pod> pods, string podToReplace) =>
        pods.Where(p => p.Metadata.Name != podToReplace && !WorkloadPods.IsReady(p))
            .Select(p => p.Metadata.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
}

/// <summary>The pods to replace, in order, and those (of the ones asked for) already on the update revision.</summary>
public sealed record PodReplacementSelection(IReadOnlyList<PodReplacementTarget> Outdated, IReadOnlyList<PodReplacementTarget> UpToDate);
