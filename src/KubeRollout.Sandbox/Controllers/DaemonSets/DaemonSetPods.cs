using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Revisions;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.DaemonSets;

/// <summary>
/// DaemonSet pods as pkg/controller/daemon/util builds them: the template with the daemon tolerations, the
/// <c>controller-revision-hash</c> and <c>pod-template-generation</c> labels, and a required node affinity on
/// <c>metadata.name</c> that pins the pod to its node (the scheduler then binds it there).
/// </summary>
public static class DaemonSetPods
{
    public const string TemplateGenerationLabel = "pod-template-generation";
    private const string NodeNameField = "metadata.name";

    private static readonly V1Toleration[] DaemonTolerations =
    [
        new() { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute" },
        new() { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute" },
        new() { Key = "node.kubernetes.io/disk-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/memory-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/pid-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/unschedulable", OperatorProperty = "Exists", Effect = "NoSchedule" },
    ];

    private static readonly V1Toleration NetworkUnavailable = new() { Key = "node.kubernetes.io/network-unavailable", OperatorProperty = "Exists", Effect = "NoSchedule" };

    /// <summary>The template's spec with the daemon tolerations added (those the template has already are kept).</summary>
    public static V1PodSpec WithDaemonTolerations(V1PodSpec spec)
    {
        var tolerations = spec.Tolerations?.ToList() ?? [];
        foreach (var toleration in spec.HostNetwork == true ? [.. DaemonTolerations, NetworkUnavailable] : DaemonTolerations)
        {
            if (!tolerations.Any(t => t.Key == toleration.Key && t.Effect == toleration.Effect && t.OperatorProperty == toleration.OperatorProperty))
            {
                tolerations.Add(toleration);
            }
        }

        var copy = ObjectCopies.Shallow(spec);
        copy.Tolerations = tolerations;
        return copy;
    }

    /// <summary>The API server's deprecated.daemonset.template.generation annotation, when present.</summary>
    public static long? TemplateGeneration(V1DaemonSet ds) =>
        long.TryParse(ds.Metadata.Annotations.ValueOrNull("deprecated.daemonset.template.generation"), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : null;

    public static V1Pod NewPod(V1DaemonSet ds, string hash, string nodeName)
    {
        var controllerRef = OwnerReferences.NewControllerRef(ds, "apps/v1", "DaemonSet");
        var pod = PodTemplates.NewPod(ds.Spec.Template, ds.Metadata.NamespaceProperty, controllerRef, generateName: ds.Metadata.Name + "-");
        pod.Metadata.Labels ??= new Dictionary<string, string>();
        if (TemplateGeneration(ds) is { } generation)
        {
            pod.Metadata.Labels[TemplateGenerationLabel] = generation.ToString(CultureInfo.InvariantCulture);
        }

        pod.Metadata.Labels[RevisionHistory.HashLabel] = hash;
        var spec = WithDaemonTolerations(ds.Spec.Template.Spec);
        spec.Affinity = PinnedTo(spec.Affinity, nodeName);
        pod.Spec = spec;
        return pod;
    }

    /// <summary>ReplaceDaemonSetPodNodeNameNodeAffinity: the required node selector terms become one term on the node's name.</summary>
    private static V1Affinity PinnedTo(V1Affinity? affinity, string nodeName)
    {
        var copy = affinity is null ? new V1Affinity() : ObjectCopies.Shallow(affinity);
        copy.NodeAffinity = copy.NodeAffinity is null ? new V1NodeAffinity() : ObjectCopies.Shallow(copy.NodeAffinity);
        copy.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
        {
            NodeSelectorTerms =
            [
                new V1NodeSelectorTerm
                {
                    MatchFields = [new V1NodeSelectorRequirement { Key = NodeNameField, OperatorProperty = "In", Values = [nodeName] }],
                },
            ],
        };
        return copy;
    }

    /// <summary>GetTargetNodeName: the bound node, else the node the affinity pins the pod to.</summary>
    public static string? TargetNode(V1Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
        {
            return pod.Spec.NodeName;
        }

        var terms = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        return terms is [{ MatchFields: [{ Key: NodeNameField, OperatorProperty: "In", Values: [var name] }] }] ? name : null;
    }

    /// <summary>IsPodUpdated: the pod carries the current hash (or the current template generation).</summary>
    public static bool IsUpdated(V1Pod pod, string hash, long? generation) =>
        pod.Metadata.Labels.ValueOrNull(RevisionHistory.HashLabel) == hash
        || (generation is { } g && pod.Metadata.Labels.ValueOrNull(TemplateGenerationLabel) == g.ToString(CultureInfo.InvariantCulture));
}
