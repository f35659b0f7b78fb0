using k8s.Models;
using KubeRollout.Sandbox.Controllers.Revisions;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.StatefulSets;

/// <summary>
/// updateStatefulSet: pods by ordinal. Missing and failed replicas are (re)created, condemned ordinals deleted from
/// the highest, then the update strategy runs. With OrderedReady every step waits until the pods before it are
/// Running and Ready (and available for minReadySeconds); Parallel does not wait.
/// </summary>
public sealed partial class StatefulSetController
{
    private void UpdatePods(V1StatefulSet set, List<V1Pod> pods, V1ControllerRevision current, V1ControllerRevision update, DateTime now)
    {
        var start = set.Spec.Ordinals?.Start ?? 0;
        var replicaCount = Math.Max(0, set.Spec.Replicas ?? 1);
        var minReadySeconds = set.Spec.MinReadySeconds ?? 0;
        var monotonic = set.Spec.PodManagementPolicy != "Parallel";
        var replicas = new V1Pod?[replicaCount];
        var condemned = new List<(int Ordinal, V1Pod Pod)>();
        foreach (var pod in pods)
        {
            if (StatefulSetPods.OrdinalOf(set, pod) is not { } ordinal)
            {
                continue;
            }

            if (ordinal >= start && ordinal < start + replicaCount)
            {
                replicas[ordinal - start] = pod;
            }
            else
            {
                condemned.Add((ordinal, pod));
            }
        }

        condemned.Sort((a, b) => b.Ordinal.CompareTo(a.Ordinal));
        var currentTemplate = TemplatePatch.TemplateOf(current) ?? set.Spec.Template;
        var firstUnhealthy = replicas.Concat(condemned.Select(c => c.Pod))
            .FirstOrDefault(p => p is not null && !StatefulSetPods.IsHealthy(p, minReadySeconds, now));

        for (var i = 0; i < replicaCount; i++)
        {
            var ordinal = start + i;
            if (replicas[i] is { } failed && PodConditions.IsTerminal(failed) && failed.Metadata.DeletionTimestamp is null)
            {
                DeletePod(set, failed);
                replicas[i] = null;
            }

            if (replicas[i] is not { } pod)
            {
                replicas[i] = CreatePod(set, ordinal, AtCurrentRevision(set, ordinal - start)
                    ? (currentTemplate, current.Metadata.Name)
                    : (set.Spec.Template, update.Metadata.Name));
                if (monotonic)
                {
                    return;
                }

                continue;
            }

            if (pod.Metadata.DeletionTimestamp is not null)
            {
                if (monotonic)
                {
                    return;
                }

                continue;
            }

            if (monotonic && !StatefulSetPods.IsRunningAndAvailable(pod, minReadySeconds, now))
            {
                return;
            }

            CreateMissingClaims(set, ordinal, pod);
        }

        foreach (var (_, pod) in condemned)
        {
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                if (monotonic)
                {
                    return;
                }

                continue;
            }

            if (monotonic && pod != firstUnhealthy && !StatefulSetPods.IsRunningAndAvailable(pod, minReadySeconds, now))
            {
                return;
            }

            DeletePod(set, pod);
            if (monotonic)
            {
                return;
            }
        }

        if (set.Spec.UpdateStrategy?.Type == "OnDelete")
        {
            return;
        }

        RollingUpdate(set, replicas, update.Metadata.Name, minReadySeconds, now);
    }

    /// <summary>
    /// From the highest ordinal down to the partition: delete the first pod not at the update revision and wait until
    /// it is back healthy. With maxUnavailable, up to that many pods (counting those already unavailable) at once.
    /// </summary>
    private void RollingUpdate(V1StatefulSet set, V1Pod?[] replicas, string updateRevision, int minReadySeconds, DateTime now)
    {
        var rolling = set.Spec.UpdateStrategy?.RollingUpdate;
        var updateMin = Math.Clamp(rolling?.Partition ?? 0, 0, replicas.Length);
        if (rolling?.MaxUnavailable?.Value is { } maxUnavailableValue)
        {
            var maxUnavailable = Math.Max(1, Deployments.DeploymentSpecs.ValueFromIntOrPercent(maxUnavailableValue, replicas.Length, roundUp: true));
            var unavailable = replicas.Count(p => p is null || !StatefulSetPods.IsHealthy(p, minReadySeconds, now));
            var budget = maxUnavailable - unavailable;
            for (var target = replicas.Length - 1; target >= updateMin && budget > 0; target--)
            {
                if (replicas[target] is { } pod && StatefulSetPods.RevisionOf(pod) != updateRevision && pod.Metadata.DeletionTimestamp is null
                    && StatefulSetPods.IsHealthy(pod, minReadySeconds, now))
                {
                    DeletePod(set, pod);
                    budget--;
                }
            }

            return;
        }

        for (var target = replicas.Length - 1; target >= updateMin; target--)
        {
            if (replicas[target] is not { } pod)
            {
                return;
            }

            if (StatefulSetPods.RevisionOf(pod) != updateRevision && pod.Metadata.DeletionTimestamp is null)
            {
                DeletePod(set, pod);
                return;
            }

            if (!StatefulSetPods.IsHealthy(pod, minReadySeconds, now))
            {
                return;
            }
        }
    }

    /// <summary>newVersionedStatefulSetPod: ordinals below the partition are (re)created at the current revision.</summary>
    private static bool AtCurrentRevision(V1StatefulSet set, int index)
    {
        var strategy = set.Spec.UpdateStrategy;
        if (strategy?.Type is not (null or "RollingUpdate"))
        {
            return false;
        }

        return strategy?.RollingUpdate is { } rolling
            ? index < (rolling.Partition ?? 0)
            : index < (set.Status?.CurrentReplicas ?? 0);
    }

    private V1Pod CreatePod(V1StatefulSet set, int ordinal, (V1PodTemplateSpec Template, string Revision) version)
    {
        var pod = StatefulSetPods.NewPod(set, version.Template, ordinal, version.Revision);
        CreateMissingClaims(set, ordinal, pod);
        try
        {
            var created = Store.Create(pod, FieldManagers.ControllerManager);
            Events.Normal(set, Source, "SuccessfulCreate", $"create Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} successful");
            return created;
        }
        catch (StoreException e) when (e is not StoreConflictException)
        {
            Events.Warning(set, Source, "FailedCreate", $"create Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} failed error: {e.Message}");
            throw;
        }
    }

    /// <summary>
    /// Creates the pod's claims that do not exist. Difference from a cluster: there is no volume provisioner, so the
    /// controller binds a new claim itself, as the PV controller would: volumeName <c>pvc-&lt;uid&gt;</c>, the bind
    /// annotations, and status Bound with the access modes and the requested storage as capacity.
    /// </summary>
    private void CreateMissingClaims(V1StatefulSet set, int ordinal, V1Pod pod)
    {
        foreach (var template in set.Spec.VolumeClaimTemplates ?? [])
        {
            var name = StatefulSetPods.ClaimName(template, set, ordinal);
            var claim = Cache.Get<V1PersistentVolumeClaim>(set.Metadata.NamespaceProperty, name);
            if (claim is null)
            {
                try
                {
                    claim = Store.Create(StatefulSetPods.NewClaim(set, template, ordinal), FieldManagers.ControllerManager);
                    Events.Normal(set, Source, "SuccessfulCreate", $"create Claim {name} Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} success");
                }
                catch (StoreException e) when (e is not StoreConflictException && e.Reason != "AlreadyExists")
                {
                    Events.Warning(set, Source, "FailedCreate", $"create Claim {name} for Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} failed error: {e.Message}");
                    throw;
                }
            }

            if (claim.Status?.Phase is null or "Pending" && claim.Metadata.DeletionTimestamp is null)
            {
                if (string.IsNullOrEmpty(claim.Spec?.VolumeName))
                {
                    var withVolume = ObjectCopies.Shallow(claim);
                    withVolume.Metadata = ObjectCopies.Shallow(claim.Metadata);
                    withVolume.Metadata.Annotations = new Dictionary<string, string>(claim.Metadata.Annotations ?? new Dictionary<string, string>())
                    {
                        ["pv.kubernetes.io/bind-completed"] = "yes",
                        ["pv.kubernetes.io/bound-by-controller"] = "yes",
                    };
                    withVolume.Spec = ObjectCopies.Shallow(claim.Spec ?? new V1PersistentVolumeClaimSpec());
                    withVolume.Spec.VolumeName = "pvc-" + claim.Metadata.Uid;
                    claim = Store.Update(withVolume, FieldManagers.ControllerManager);
                }

                var bound = ObjectCopies.Shallow(claim);
                bound.Status = new V1PersistentVolumeClaimStatus
                {
                    Phase = "Bound",
                    AccessModes = claim.Spec?.AccessModes,
                    Capacity = claim.Spec?.Resources?.Requests is { } requests && requests.TryGetValue("storage", out var storage)
                        ? new Dictionary<string, ResourceQuantity> { ["storage"] = storage }
                        : null,
                };
                Store.UpdateStatus(bound, FieldManagers.ControllerManager);
            }
        }
    }

    private void DeletePod(V1StatefulSet set, V1Pod pod)
    {
        try
        {
            Store.Delete<V1Pod>(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
            Events.Normal(set, Source, "SuccessfulDelete", $"delete Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} successful");
        }
        catch (StoreNotFoundException)
        {
        }
        catch (StoreException e) when (e is not StoreConflictException)
        {
            Events.Warning(set, Source, "FailedDelete", $"delete Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} failed error: {e.Message}");
            throw;
        }
    }
}
