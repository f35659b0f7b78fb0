using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Machinery.Scheduling;

/// <summary>
/// The scheduler's filters that matter here, with kube-scheduler's failure reasons: NodeUnschedulable, NodeAffinity
/// (nodeSelector and required node affinity, matchExpressions on labels and matchFields on metadata.name),
/// TaintToleration (NoSchedule and NoExecute) and the pod count. CPU and memory requests are not accounted.
/// </summary>
public static class NodeFit
{
    public const string Unschedulable = "node(s) were unschedulable";
    public const string AffinityMismatch = "node(s) didn't match Pod's node affinity/selector";
    public const string TooManyPods = "Too many pods";
    private const string UnschedulableTaint = "node.kubernetes.io/unschedulable";

    /// <summary>Null when the pod fits the node, else the reason it does not.</summary>
    public static string? Check(V1Pod pod, V1Node node, int podsOnNode)
    {
        var tolerations = pod.Spec.Tolerations ?? [];
        if (node.Spec?.Unschedulable == true && !Tolerates(tolerations, new V1Taint { Key = UnschedulableTaint, Effect = "NoSchedule" }))
        {
            return Unschedulable;
        }

        if (!MatchesNodeSelector(pod, node) || !MatchesRequiredAffinity(pod, node))
        {
            return AffinityMismatch;
        }

        foreach (var taint in node.Spec?.Taints ?? [])
        {
            if (taint.Effect is "NoSchedule" or "NoExecute" && !Tolerates(tolerations, taint))
            {
                return $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}";
            }
        }

        if (podsOnNode >= AllocatablePods(node))
        {
            return TooManyPods;
        }

        return null;
    }

    /// <summary>Whether preemption could help with a reason (it cannot for affinity, taints or cordons).</summary>
    public static bool PreemptionMayHelp(string reason) => reason == TooManyPods;

    private static bool MatchesNodeSelector(V1Pod pod, V1Node node) =>
        pod.Spec.NodeSelector?.All(p => node.Metadata.Labels.ValueOrNull(p.Key) == p.Value) ?? true;

    private static bool MatchesRequiredAffinity(V1Pod pod, V1Node node)
    {
        var terms = pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        if (terms is null || terms.Count == 0)
        {
            return true;
        }

        return terms.Any(term =>
            ((term.MatchExpressions?.Count ?? 0) > 0 || (term.MatchFields?.Count ?? 0) > 0)
            && (term.MatchExpressions ?? []).All(r => Matches(r, node.Metadata.Labels.ValueOrNull(r.Key)))
            && (term.MatchFields ?? []).All(r => r.Key == "metadata.name" && Matches(r, node.Metadata.Name)));
    }

    private static bool Matches(V1NodeSelectorRequirement requirement, string? value)
    {
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => CompareNumbers(value, values) > 0,
            "Lt" => CompareNumbers(value, values) < 0,
            _ => false,
        };
    }

    /// <summary>The label as a number compared with the single value (Gt/Lt); 0 when either is not a number.</summary>
    private static int CompareNumbers(string? value, IList<string> values) =>
        values.Count == 1
        && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
        && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : 0;

    private static bool Tolerates(IList<V1Toleration> tolerations, V1Taint taint) =>
        tolerations.Any(t =>
            (string.IsNullOrEmpty(t.Effect) || t.Effect == taint.Effect)
            && (t.OperatorProperty == "Exists"
                ? string.IsNullOrEmpty(t.Key) || t.Key == taint.Key
                : t.Key == taint.Key && (t.Value ?? string.Empty) == (taint.Value ?? string.Empty)));

    private static int AllocatablePods(V1Node node) =>
        node.Status?.Allocatable?.TryGetValue("pods", out var pods) == true ? (int)Math.Min(int.MaxValue, pods.ToInt64()) : 110;
}
