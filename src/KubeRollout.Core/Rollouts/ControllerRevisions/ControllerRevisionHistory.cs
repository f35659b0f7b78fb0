using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.ControllerRevisions;

/// <summary>
/// The revisions of a StatefulSet or DaemonSet, as kubectl rollout history reads them: the ControllerRevisions the
/// workload's selector matches and whose controller ownerReference is the workload; the number is the revision's
/// <c>.revision</c>, the change cause its kubernetes.io/change-cause annotation, the template its data applied to
/// the live object.
/// </summary>
public static class ControllerRevisionHistory
{
    /// <param name="workload">The live StatefulSet or DaemonSet.</param>
    /// <param name="updateRevision">The name of the revision the workload's template is (StatefulSet status.updateRevision), when known.</param>
    public static IReadOnlyList<RolloutRevision> From(
        WorkloadKind kind, IKubernetesObject<V1ObjectMeta> workload, V1LabelSelector? selector, V1PodTemplateSpec? liveTemplate,
        IEnumerable<V1ControllerRevision> revisions, string? updateRevision = null)
    {
        var live = JsonNode.Parse(KubernetesJson.Serialize(workload))!.AsObject();
        var owned = Owned(workload, selector, revisions)
            .Select(r => (Source: r, Template: RevisionData.TemplateOf(live, RevisionData.Parse(r))))
            .OrderBy(r => r.Source.Revision ?? 0)
            .ThenBy(r => r.Source.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var current = owned.FirstOrDefault(r => updateRevision is not null && r.Source.Metadata.Name == updateRevision).Source
            ?? owned.LastOrDefault(r => PodTemplates.EqualIgnoringHash(r.Template, liveTemplate)).Source;

        return owned.Select(r =>
        {
            var annotations = r.Source.Metadata.Annotations ?? new Dictionary<string, string>();
            return new RolloutRevision
            {
                Kind = kind,
                Namespace = workload.Metadata.NamespaceProperty,
                Name = workload.Metadata.Name,
                Revision = r.Source.Revision ?? 0,
                ChangeCause = annotations.TryGetValue(WellKnownAnnotations.ChangeCause, out var cause) ? cause : null,
                Images = PodTemplates.Images(r.Template),
                Created = r.Source.Metadata.CreationTimestamp,
                IsCurrent = ReferenceEquals(r.Source, current),
                Source = r.Source.Metadata.Name,
                PodTemplate = r.Template,
                Annotations = new Dictionary<string, string>(annotations),
            };
        }).ToList();
    }

    /// <summary>The ControllerRevisions the workload controls (selector match and controller ownerReference).</summary>
    public static IEnumerable<V1ControllerRevision> Owned(IKubernetesObject<V1ObjectMeta> workload, V1LabelSelector? selector, IEnumerable<V1ControllerRevision> revisions) =>
        revisions.Where(r =>
            LabelSelectorMatcher.Matches(selector, r.Metadata.Labels)
            && r.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == workload.Metadata.Uid) == true);
}
