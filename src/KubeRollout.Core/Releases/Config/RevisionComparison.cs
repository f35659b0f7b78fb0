using System.Globalization;
using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// What differs between two revisions of a workload: the fields of their pod templates and, for each place where
/// the two templates reference different ConfigMaps or Secrets (a volume, an env key reference, an envFrom), the
/// keys of those objects' data that differ — so that a rollback's effect on configuration is visible before it is
/// made. Secret values are never shown.
/// </summary>
public static class RevisionComparison
{
    /// <param name="configOf">The ConfigMap or Secret of that kind and name as the cluster has it; null when it no longer exists.</param>
    public static (IReadOnlyList<RevisionDifference> Differences, IReadOnlyList<string> Warnings) Compare(
        RolloutRevision reference, RolloutRevision difference, Func<string, string, JsonObject?> configOf)
    {
        var differences = PodTemplateDiff.Between(reference.PodTemplate, difference.PodTemplate)
            .Select(c => Difference(reference, difference, "template", c.Field, c.Kind.ToString(), c.From, c.To, hidden: false))
            .ToList();
        var warnings = new List<string>();
        foreach (var (kind, from, to) in ReferenceChanges.Between(reference.PodTemplate, difference.PodTemplate))
        {
            var before = from is null ? null : configOf(kind, from);
            var after = to is null ? null : configOf(kind, to);
            foreach (var (name, revision, obj) in new[] { (from, reference.Revision, before), (to, difference.Revision, after) })
            {
                if (name is not null && obj is null)
                {
                    warnings.Add($"{kind.ToLowerInvariant()} \"{name}\" of revision {revision} no longer exists: its data cannot be compared, and that revision's pods could not start.");
                }
            }

            if ((from is not null && before is null) || (to is not null && after is null))
            {
                continue;
            }

            var area = $"{kind.ToLowerInvariant()} {from ?? "(none)"} -> {to ?? "(none)"}";
            differences.AddRange(ConfigDataDiff.Between(before, after)
                .Select(c => Difference(reference, difference, area, c.Key, c.Change.ToString(), c.From, c.To, c.ValueHidden)));
        }

        return (differences, warnings);
    }

    /// <summary>
    /// Compares two revisions read from the cluster: <paramref name="differenceRevision"/> (default: the current one)
    /// with <paramref name="referenceRevision"/> (default: the revision before it).
    /// </summary>
    public static async Task<(IReadOnlyList<RevisionDifference> Differences, IReadOnlyList<string> Warnings)> CompareAsync(
        KubeApiClient client, WorkloadReference workload, long? referenceRevision, long? differenceRevision, CancellationToken cancellationToken)
    {
        var history = await RolloutOperations.GetHistoryAsync(client, workload, null, cancellationToken).ConfigureAwait(false);
        var difference = differenceRevision is { } wanted
            ? Find(history, wanted, workload)
            : history.FirstOrDefault(r => r.IsCurrent) ?? history.LastOrDefault()
                ?? throw new KubeRolloutException("NoRolloutHistory", FailureKind.ObjectNotFound, $"no rollout history found for {workload.ResourceName}", workload);
        var reference = referenceRevision is { } given
            ? Find(history, given, workload)
            : history.LastOrDefault(r => r.Revision < difference.Revision)
                ?? throw new KubeRolloutException(
                    "RevisionNotFound", FailureKind.ObjectNotFound,
                    $"{workload.ResourceName} has no revision before revision {difference.Revision} to compare it with", workload);

        var configs = new Dictionary<(string, string), JsonObject?>();
        foreach (var (kind, from, to) in ReferenceChanges.Between(reference.PodTemplate, difference.PodTemplate))
        {
            foreach (var name in new[] { from, to }.OfType<string>())
            {
                var resource = kind == ConfigReference.Secret ? ApiResource.Secrets : ApiResource.ConfigMaps;
                configs[(kind, name)] = await client.FindAsync<JsonObject>(resource, workload.Namespace, name, cancellationToken).ConfigureAwait(false);
            }
        }

        return Compare(reference, difference, (kind, name) => configs.GetValueOrDefault((kind, name)));
    }

    private static RolloutRevision Find(IReadOnlyList<RolloutRevision> history, long revision, WorkloadReference workload) =>
        history.FirstOrDefault(r => r.Revision == revision)
        ?? throw new KubeRolloutException(
            "RevisionNotFound", FailureKind.ObjectNotFound,
            $"unable to find specified revision {revision.ToString(CultureInfo.InvariantCulture)} in history", workload);

    private static RevisionDifference Difference(
        RolloutRevision reference, RolloutRevision difference, string area, string field, string change, string? from, string? to, bool hidden) => new()
    {
        Kind = difference.Kind,
        Namespace = difference.Namespace,
        Name = difference.Name,
        ReferenceRevision = reference.Revision,
        DifferenceRevision = difference.Revision,
        Area = area,
        Field = field,
        Change = change,
        From = from,
        To = to,
        ValueHidden = hidden,
    };
}
