using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>
/// The annotations through which a Deployment and its ReplicaSets record revisions and sizes (deploymentutil):
/// revision, revision-history, desired-replicas, max-replicas, and which Deployment annotations are not copied.
/// </summary>
public static class RevisionAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";
    public const string DeprecatedRollbackTo = "deprecated.deployment.rollback.to";

    /// <summary>Revision history is capped at about 100 entries.</summary>
    public const int MaxRevisionHistoryLength = 2000;

    private static readonly HashSet<string> SkippedKeys =
    [
        LastAppliedConfiguration, Revision, RevisionHistory, DesiredReplicas, MaxReplicas, DeprecatedRollbackTo,
    ];

    public static bool IsSkipped(string key) => SkippedKeys.Contains(key);

    /// <summary>The revision number: missing is 0, unparsable is null (skipped with a warning by the real code).</summary>
    public static long? RevisionOf(V1ReplicaSet rs)
    {
        if (rs.Metadata.Annotations?.TryGetValue(Revision, out var text) != true)
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var revision) ? revision : null;
    }

    public static long MaxRevision(IEnumerable<V1ReplicaSet> replicaSets) =>
        replicaSets.Select(RevisionOf).Where(r => r is not null).Select(r => r!.Value).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Copies the Deployment's annotations (minus the skipped keys) onto the ReplicaSet, raises its revision to
    /// <paramref name="newRevision"/> when that is higher (appending the old number to revision-history: a rollback
    /// re-uses the ReplicaSet) and, for a ReplicaSet about to be created, sets the replica annotations.
    /// Returns whether anything changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(V1Deployment d, V1ReplicaSet rs, string newRevision, bool exists)
    {
        var changed = CopyDeploymentAnnotations(d, rs);
        var annotations = rs.Metadata.Annotations ??= new Dictionary<string, string>();
        var hadRevision = annotations.TryGetValue(Revision, out var oldRevision);
        long oldRevisionNumber = 0;
        if (hadRevision && !long.TryParse(oldRevision, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out oldRevisionNumber))
        {
            return false;
        }

        var newRevisionNumber = long.Parse(newRevision, CultureInfo.InvariantCulture);
        if (oldRevisionNumber < newRevisionNumber)
        {
            annotations[Revision] = newRevision;
            changed = true;
        }

        if (hadRevision && oldRevisionNumber < newRevisionNumber)
        {
            AppendRevisionHistory(annotations, oldRevision!);
        }

        if (!exists && SetReplicasAnnotations(rs, DeploymentSpecs.Replicas(d), DeploymentSpecs.Replicas(d) + DeploymentSpecs.MaxSurge(d)))
        {
            changed = true;
        }

        return changed;
    }

    public static bool SetReplicasAnnotations(V1ReplicaSet rs, int desiredReplicas, int maxReplicas)
    {
        var annotations = rs.Metadata.Annotations ??= new Dictionary<string, string>();
        var changed = false;
        var desired = desiredReplicas.ToString(CultureInfo.InvariantCulture);
        if (annotations.ValueOrNull(DesiredReplicas) != desired)
        {
            annotations[DesiredReplicas] = desired;
            changed = true;
        }

        var max = maxReplicas.ToString(CultureInfo.InvariantCulture);
        if (annotations.ValueOrNull(MaxReplicas) != max)
        {
            annotations[MaxReplicas] = max;
            changed = true;
        }

        return changed;
    }

    public static bool ReplicasAnnotationsNeedUpdate(V1ReplicaSet rs, int desiredReplicas, int maxReplicas)
    {
        var annotations = rs.Metadata.Annotations;
        return annotations is null
            || annotations.ValueOrNull(DesiredReplicas) != desiredReplicas.ToString(CultureInfo.InvariantCulture)
            || annotations.ValueOrNull(MaxReplicas) != maxReplicas.ToString(CultureInfo.InvariantCulture);
    }

    public static int? DesiredReplicasOf(V1ReplicaSet rs) => IntAnnotation(rs, DesiredReplicas);

    public static int? MaxReplicasOf(V1ReplicaSet rs) => IntAnnotation(rs, MaxReplicas);

    /// <summary>Sets the Deployment's revision annotation; returns whether it changed.</summary>
    public static bool SetDeploymentRevision(V1Deployment d, string? revision)
    {
        var annotations = d.Metadata.Annotations ??= new Dictionary<string, string>();
        if (annotations.TryGetValue(Revision, out var current) && current == revision)
        {
            return false;
        }

        annotations[Revision] = revision!;
        return true;
    }

    private static bool CopyDeploymentAnnotations(V1Deployment d, V1ReplicaSet rs)
    {
        var annotations = rs.Metadata.Annotations ??= new Dictionary<string, string>();
        var changed = false;
        foreach (var (key, value) in d.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            if (IsSkipped(key) || (annotations.TryGetValue(key, out var existing) && existing == value))
            {
                continue;
            }

            annotations[key] = value;
            changed = true;
        }

        return changed;
    }

    private static void AppendRevisionHistory(IDictionary<string, string> annotations, string oldRevision)
    {
        var history = annotations.ValueOrNull(RevisionHistory) ?? string.Empty;
        if (history.Length == 0)
        {
            annotations[RevisionHistory] = oldRevision;
            return;
        }

        var entries = history.Split(',').ToList();
        var totalLength = history.Length + oldRevision.Length + 1;
        var start = 0;
        while (totalLength > MaxRevisionHistoryLength && start < entries.Count)
        {
            totalLength -= entries[start].Length + 1;
            start++;
        }

        if (totalLength <= MaxRevisionHistoryLength)
        {
            annotations[RevisionHistory] = string.Join(',', entries.Skip(start).Append(oldRevision));
        }
    }

    private static int? IntAnnotation(V1ReplicaSet rs, string key) =>
        rs.Metadata.Annotations?.TryGetValue(key, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
