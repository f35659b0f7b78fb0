using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Deployments;

/// <summary>A Deployment's revisions: the ReplicaSets it controls, as kubectl rollout history reads them.</summary>
public static class DeploymentHistory
{
    /// <summary>
    /// The revisions in ascending order. A ReplicaSet counts when the Deployment's selector matches it and its
    /// controller ownerReference is the Deployment; a missing revision annotation reads as 0, an unparsable one is
    /// skipped and reported through <paramref name="warn"/>.
    /// </summary>
    public static IReadOnlyList<RolloutRevision> From(V1Deployment deployment, IEnumerable<V1ReplicaSet> replicaSets, Action<string>? warn = null)
    {
        var owned = Owned(deployment, replicaSets).ToList();
        var current = CurrentReplicaSet(deployment, owned);
        var revisions = new List<RolloutRevision>();
        foreach (var replicaSet in owned)
        {
            var annotations = replicaSet.Metadata.Annotations ?? new Dictionary<string, string>();
            if (!TryParseRevision(annotations, WellKnownAnnotations.Revision, out var revision))
            {
                warn?.Invoke($"ReplicaSet {replicaSet.Metadata.Name} has an unparsable {WellKnownAnnotations.Revision} annotation and is left out of the history.");
                continue;
            }

            revisions.Add(new RolloutRevision
            {
                Kind = WorkloadKind.Deployment,
                Namespace = deployment.Metadata.NamespaceProperty,
                Name = deployment.Metadata.Name,
                Revision = revision,
                ChangeCause = annotations.TryGetValue(WellKnownAnnotations.ChangeCause, out var cause) ? cause : null,
                Images = PodTemplates.Images(replicaSet.Spec.Template),
                Created = replicaSet.Metadata.CreationTimestamp,
                IsCurrent = ReferenceEquals(replicaSet, current),
                Source = replicaSet.Metadata.Name,
                PreviousRevisions = ParseHistory(annotations),
                Replicas = replicaSet.Spec.Replicas,
                PodTemplate = replicaSet.Spec.Template,
                Annotations = new Dictionary<string, string>(annotations),
            });
        }

        return revisions.OrderBy(r => r.Revision).ToList();
    }

    /// <summary>The ReplicaSets the Deployment controls (selector match and controller ownerReference).</summary>
    public static IEnumerable<V1ReplicaSet> Owned(V1Deployment deployment, IEnumerable<V1ReplicaSet> replicaSets) =>
        replicaSets.Where(rs =>
            LabelSelectorMatcher.Matches(deployment.Spec.Selector, rs.Metadata.Labels)
            && rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == deployment.Metadata.Uid) == true);

    /// <summary>The controller's "new" ReplicaSet: the oldest whose template equals the Deployment's.</summary>
    public static V1ReplicaSet? CurrentReplicaSet(V1Deployment deployment, IEnumerable<V1ReplicaSet> owned) =>
        owned.OrderBy(rs => rs.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault(rs => PodTemplates.EqualIgnoringHash(rs.Spec.Template, deployment.Spec.Template));

    private static bool TryParseRevision(IDictionary<string, string> annotations, string key, out long revision)
    {
        revision = 0;
        return !annotations.TryGetValue(key, out var text) || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out revision);
    }

    private static IReadOnlyList<long> ParseHistory(IDictionary<string, string> annotations) =>
        annotations.TryGetValue(WellKnownAnnotations.RevisionHistory, out var text)
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1)
                .Where(value => value >= 0)
                .ToList()
            : [];
}
