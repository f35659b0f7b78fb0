using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.ControllerRevisions;
using KubeRollout.Core.Rollouts.Deployments;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// Which config versions (the ConfigMaps and Secrets <see cref="ConfigVersioning"/> made) can go: a version stays
/// while a live pod template, a revision its controller retains (<see cref="RetainedRevisions"/>: ReplicaSets and
/// ControllerRevisions within revisionHistoryLimit, and any in use), a pod, a Job or a CronJob of the namespace
/// references it, so that every undo the history still offers finds its config. Only versions are ever candidates;
/// other ConfigMaps and Secrets are never touched.
/// </summary>
public static class ConfigVersionPruning
{
    /// <summary>Every pod spec of the namespace that keeps config versions.</summary>
    public static IReadOnlyList<ConfigHolder> Holders(NamespaceObjects objects)
    {
        var holders = new List<ConfigHolder>();
        foreach (var deployment in objects.Deployments)
        {
            var resource = $"deployment.apps/{deployment.Metadata.Name}";
            holders.Add(new ConfigHolder($"{resource} (live template)", ConfigReferences.In(deployment.Spec.Template)));
            var owned = DeploymentHistory.Owned(deployment, objects.ReplicaSets).ToList();
            var current = DeploymentHistory.CurrentReplicaSet(deployment, owned);
            var old = owned.Where(rs => !ReferenceEquals(rs, current));
            foreach (var replicaSet in RetainedRevisions.Select(old, RevisionOf, HasReplicas, deployment.Spec.RevisionHistoryLimit).Append(current).OfType<V1ReplicaSet>())
            {
                holders.Add(new ConfigHolder($"revision {RevisionOf(replicaSet)} of {resource} (replicaset {replicaSet.Metadata.Name})", ConfigReferences.In(replicaSet.Spec.Template)));
            }
        }

        // A ReplicaSet no Deployment controls may be adopted again: it keeps what it references.
        foreach (var replicaSet in objects.ReplicaSets.Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Controller == true) != true))
        {
            holders.Add(new ConfigHolder($"replicaset {replicaSet.Metadata.Name}", ConfigReferences.In(replicaSet.Spec.Template)));
        }

        foreach (var statefulSet in objects.StatefulSets)
        {
            var inUse = new HashSet<string?>([statefulSet.Status?.CurrentRevision, statefulSet.Status?.UpdateRevision], StringComparer.Ordinal);
            AddControllerRevisions(holders, $"statefulset.apps/{statefulSet.Metadata.Name}", statefulSet, statefulSet.Spec.Selector, statefulSet.Spec.Template,
                statefulSet.Spec.RevisionHistoryLimit, inUse, objects);
        }

        foreach (var daemonSet in objects.DaemonSets)
        {
            AddControllerRevisions(holders, $"daemonset.apps/{daemonSet.Metadata.Name}", daemonSet, daemonSet.Spec.Selector, daemonSet.Spec.Template,
                daemonSet.Spec.RevisionHistoryLimit, [], objects);
        }

        holders.AddRange(objects.Pods.Select(p => new ConfigHolder($"pod {p.Metadata.Name}", ConfigReferences.In(new V1PodTemplateSpec { Spec = p.Spec }))));
        holders.AddRange(objects.Jobs.Select(j => new ConfigHolder($"job.batch/{j.Metadata.Name}", ConfigReferences.In(j.Spec?.Template))));
        holders.AddRange(objects.CronJobs.Select(c => new ConfigHolder($"cronjob.batch/{c.Metadata.Name}", ConfigReferences.In(c.Spec?.JobTemplate?.Spec?.Template))));
        return holders;
    }

    /// <summary>Each version with what references it; the ones nothing references are prunable.</summary>
    public static IReadOnlyList<ConfigVersionUsage> Usage(IEnumerable<(string Kind, V1ObjectMeta Metadata)> versions, IReadOnlyList<ConfigHolder> holders) =>
        versions
            .Where(v => ConfigVersioning.IsVersion(v.Metadata.Labels))
            .OrderBy(v => v.Kind, StringComparer.Ordinal)
            .ThenBy(v => v.Metadata.Name, StringComparer.Ordinal)
            .Select(v => new ConfigVersionUsage
            {
                Kind = v.Kind,
                Namespace = v.Metadata.NamespaceProperty ?? string.Empty,
                Name = v.Metadata.Name,
                VersionOf = v.Metadata.Annotations?.TryGetValue(ConfigVersioning.VersionOfAnnotation, out var baseName) == true ? baseName : v.Metadata.Name,
                Created = v.Metadata.CreationTimestamp,
                ReferencedBy = holders.Where(h => h.Names(v.Kind, v.Metadata.Name)).Select(h => h.Description).ToList(),
            })
            .ToList();

    /// <summary>
    /// The versions asked for: of one kind (ConfigMap or Secret; null: both) and, when names are given, those a
    /// name matches as the name they are a version of or as their own (PowerShell wildcards, any case).
    /// </summary>
    public static IReadOnlyList<ConfigVersionUsage> Select(IEnumerable<ConfigVersionUsage> versions, string? kind, IReadOnlyList<string>? names)
    {
        var patterns = (names is { Count: > 0 } ? names : ["*"]).Select(n => new WildcardName(n)).ToList();
        return versions
            .Where(v => kind is null || string.Equals(v.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .Where(v => patterns.Any(p => p.IsMatch(v.VersionOf) || p.IsMatch(v.Name)))
            .ToList();
    }

    /// <summary>The versions of a namespace with what references each, read from the cluster (values are never kept).</summary>
    public static async Task<IReadOnlyList<ConfigVersionUsage>> ReadUsageAsync(KubeApiClient client, string @namespace, CancellationToken cancellationToken)
    {
        var versions = new List<(string, V1ObjectMeta)>();
        foreach (var resource in new[] { ApiResource.ConfigMaps, ApiResource.Secrets })
        {
            var list = await client.ListAsync<JsonObject>(resource, @namespace, cancellationToken, labelSelector: ConfigVersioning.VersionLabel).ConfigureAwait(false);
            versions.AddRange(list.Items.Select(item => (resource.Kind, KubernetesJson.Deserialize<V1ObjectMeta>(item["metadata"]!.ToJsonString()))));
        }

        var objects = await NamespaceObjects.ReadAsync(client, @namespace, cancellationToken).ConfigureAwait(false);
        return Usage(versions, Holders(objects));
    }

    /// <summary>Deletes a prunable version; one that something references again is never deleted.</summary>
    public static async Task<ConfigVersionUsage> RemoveAsync(KubeApiClient client, ConfigVersionUsage version, CancellationToken cancellationToken)
    {
        if (!version.Prunable)
        {
            throw new InvalidOperationException($"{version} is referenced and cannot be removed.");
        }

        var resource = version.Kind == ConfigReference.Secret ? ApiResource.Secrets : ApiResource.ConfigMaps;
        try
        {
            await client.DeleteAsync(resource, version.Namespace, version.Name, uid: null, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            // removed meanwhile: what was asked for is done
        }

        return new ConfigVersionUsage
        {
            Kind = version.Kind,
            Namespace = version.Namespace,
            Name = version.Name,
            VersionOf = version.VersionOf,
            Created = version.Created,
            ReferencedBy = version.ReferencedBy,
            Removed = true,
        };
    }

    private static void AddControllerRevisions(
        List<ConfigHolder> holders, string resource, IKubernetesObject<V1ObjectMeta> workload, V1LabelSelector selector, V1PodTemplateSpec template,
        int? limit, HashSet<string?> inUse, NamespaceObjects objects)
    {
        holders.Add(new ConfigHolder($"{resource} (live template)", ConfigReferences.In(template)));
        var owned = ControllerRevisionHistory.Owned(workload, selector, objects.ControllerRevisions).ToList();
        var podRevisions = objects.Pods
            .Where(p => LabelSelectorMatcher.Matches(selector, p.Metadata.Labels))
            .Select(p => p.Metadata.Labels?.TryGetValue(WellKnownAnnotations.ControllerRevisionHashLabel, out var hash) == true ? hash : null)
            .ToHashSet(StringComparer.Ordinal);
        var newest = owned.MaxBy(r => r.Revision)?.Metadata.Name;
        bool InUse(V1ControllerRevision r) =>
            inUse.Contains(r.Metadata.Name) || r.Metadata.Name == newest || podRevisions.Contains(r.Metadata.Name)
            || (r.Metadata.Labels?.TryGetValue(WellKnownAnnotations.ControllerRevisionHashLabel, out var hash) == true && podRevisions.Contains(hash));
        foreach (var revision in RetainedRevisions.Select(owned, r => r.Revision ?? 0, InUse, limit))
        {
            var data = RevisionData.Parse(revision);
            var references = data["spec"]?["template"]?["spec"] is JsonObject spec ? ConfigReferences.InPodSpec(spec) : [];
            holders.Add(new ConfigHolder($"revision {revision.Revision} of {resource} (controllerrevision {revision.Metadata.Name})", references));
        }
    }

    private static long RevisionOf(V1ReplicaSet replicaSet) =>
        replicaSet.Metadata.Annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    private static bool HasReplicas(V1ReplicaSet replicaSet) => (replicaSet.Spec.Replicas ?? 0) > 0 || (replicaSet.Status?.Replicas ?? 0) > 0;
}
