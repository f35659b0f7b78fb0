using k8s.Models;
using KubeRollout.Sandbox.Controllers.Deployments;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.DaemonSets;

/// <summary>
/// manage and rollingUpdate: a pod on every node that should run one, none elsewhere, failed and duplicate pods
/// removed; then old pods replaced within maxUnavailable (delete, the replacement starts on the emptied node) or
/// maxSurge (start the new pod beside the old one, delete the old one once the new one is available).
/// </summary>
public sealed partial class DaemonSetController
{
    private void Manage(V1DaemonSet ds, List<V1Node> nodes, string hash)
    {
        var byNode = PodsByNode(OwnPods(ds));
        var (maxSurge, _, _) = Budgets(ds, nodes);
        var toCreate = new List<string>();
        var toDelete = new List<V1Pod>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            known.Add(node.Metadata.Name);
            var (shouldRun, shouldContinueRunning) = DaemonSetNodes.Evaluate(ds, node);
            var onNode = byNode.GetValueOrDefault(node.Metadata.Name) ?? [];
            if (shouldRun && onNode.Count == 0)
            {
                toCreate.Add(node.Metadata.Name);
            }
            else if (shouldContinueRunning)
            {
                var running = new List<V1Pod>();
                foreach (var pod in onNode)
                {
                    (pod.Status?.Phase == PodConditions.Failed ? toDelete : running).Add(pod);
                }

                if (running.Count == 0 && shouldRun)
                {
                    toCreate.Add(node.Metadata.Name);
                }

                toDelete.AddRange(Duplicates(ds, running, hash, maxSurge > 0));
            }
            else
            {
                toDelete.AddRange(onNode);
            }
        }

        // Pods pinned to a node that is gone (the pod garbage collector's work in a cluster) or to no node at all.
        toDelete.AddRange(byNode.Where(p => !known.Contains(p.Key)).SelectMany(p => p.Value));
        SyncNodes(ds, toDelete, toCreate, hash);
    }

    /// <summary>More than one pod on a node: the oldest stays; with surge the oldest old and the oldest new pod stay.</summary>
    private static IEnumerable<V1Pod> Duplicates(V1DaemonSet ds, List<V1Pod> running, string hash, bool surge)
    {
        if (running.Count <= 1)
        {
            return [];
        }

        if (!surge)
        {
            return running.Skip(1);
        }

        var generation = DaemonSetPods.TemplateGeneration(ds);
        var updated = running.Where(p => DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
        var old = running.Where(p => !DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
        return updated.Skip(1).Concat(old.Skip(1));
    }

    private void RollingUpdate(V1DaemonSet ds, List<V1Node> nodes, string hash, DateTime now)
    {
        var byNode = PodsByNode(OwnPods(ds));
        var (maxSurge, maxUnavailable, eligible) = Budgets(ds, nodes);
        var generation = DaemonSetPods.TemplateGeneration(ds);
        var minReadySeconds = ds.Spec.MinReadySeconds ?? 0;
        var toDelete = new List<V1Pod>();
        var toCreate = new List<string>();
        if (maxSurge == 0)
        {
            var unavailable = 0;
            var candidates = new List<V1Pod>();
            foreach (var node in eligible)
            {
                var onNode = byNode.GetValueOrDefault(node) ?? [];
                var updated = onNode.Where(p => DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
                var old = onNode.Where(p => !DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
                if (updated.Count > 1 || old.Count > 1 || (updated.Count == 0) == (old.Count == 0))
                {
                    unavailable++; // manage creates or removes pods here; count the node as unavailable meanwhile
                }
                else if (updated.Count == 1)
                {
                    unavailable += PodConditions.IsAvailable(updated[0], minReadySeconds, now) ? 0 : 1;
                }
                else if (!PodConditions.IsAvailable(old[0], minReadySeconds, now))
                {
                    toDelete.Add(old[0]); // an old pod that is not available is replaced at once
                }
                else
                {
                    candidates.Add(old[0]);
                }
            }

            var budget = Math.Clamp(maxUnavailable - unavailable - toDelete.Count, 0, candidates.Count);
            toDelete.AddRange(candidates.Take(budget));
        }
        else
        {
            var surging = 0;
            var candidates = new List<string>();
            foreach (var node in eligible)
            {
                var onNode = byNode.GetValueOrDefault(node) ?? [];
                var updated = onNode.Where(p => DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
                var old = onNode.Where(p => !DaemonSetPods.IsUpdated(p, hash, generation)).ToList();
                if (updated.Count > 1 || old.Count != 1)
                {
                    continue; // nothing to replace here, or manage is still tidying the node
                }

                if (updated.Count == 0)
                {
                    if (!PodConditions.IsAvailable(old[0], minReadySeconds, now))
                    {
                        toCreate.Add(node);
                    }
                    else
                    {
                        candidates.Add(node);
                    }
                }
                else if (PodConditions.IsAvailable(updated[0], minReadySeconds, now))
                {
                    toDelete.Add(old[0]);
                }
                else
                {
                    surging++;
                }
            }

            var budget = Math.Clamp(maxSurge - surging - toCreate.Count, 0, candidates.Count);
            toCreate.AddRange(candidates.Take(budget));
        }

        SyncNodes(ds, toDelete, toCreate, hash);
    }

    /// <summary>maxSurge and maxUnavailable of the nodes that should run the daemon (percentages round up; both 0 → unavailable 1).</summary>
    private static (int MaxSurge, int MaxUnavailable, List<string> Eligible) Budgets(V1DaemonSet ds, List<V1Node> nodes)
    {
        var eligible = nodes.Where(n => DaemonSetNodes.Evaluate(ds, n).ShouldRun).Select(n => n.Metadata.Name).ToList();
        if (ds.Spec.UpdateStrategy?.Type is not (null or "RollingUpdate"))
        {
            return (0, 0, eligible);
        }

        var rolling = ds.Spec.UpdateStrategy?.RollingUpdate;
        var desired = eligible.Count;
        var maxSurge = DeploymentSpecs.ValueFromIntOrPercent(rolling?.MaxSurge?.Value ?? "0", desired, roundUp: true);
        var maxUnavailable = DeploymentSpecs.ValueFromIntOrPercent(rolling?.MaxUnavailable?.Value ?? "1", desired, roundUp: true);
        if (desired > 0 && maxSurge == 0 && maxUnavailable == 0)
        {
            maxUnavailable = 1;
        }

        return (maxSurge, maxUnavailable, eligible);
    }

    private void SyncNodes(V1DaemonSet ds, List<V1Pod> toDelete, List<string> toCreate, string hash)
    {
        foreach (var node in toCreate)
        {
            try
            {
                var created = Store.Create(DaemonSetPods.NewPod(ds, hash, node), FieldManagers.ControllerManager);
                Events.Normal(ds, Source, "SuccessfulCreate", $"Created pod: {created.Metadata.Name}");
            }
            catch (StoreException e) when (e is not StoreConflictException)
            {
                Events.Warning(ds, Source, "FailedCreate", $"Error creating: {e.Message}");
                throw;
            }
        }

        foreach (var pod in toDelete.DistinctBy(p => p.Metadata.Name))
        {
            try
            {
                Store.Delete<V1Pod>(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
                Events.Normal(ds, Source, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}");
            }
            catch (StoreNotFoundException)
            {
            }
            catch (StoreException e) when (e is not StoreConflictException)
            {
                Events.Warning(ds, Source, "FailedDelete", $"Error deleting: {e.Message}");
                throw;
            }
        }
    }
}
