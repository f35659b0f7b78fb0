using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>How a Deployment's ReplicaSets are grouped and counted (deploymentutil and controller helpers).</summary>
public static class ReplicaSetGroups
{
    public static int SpecReplicas(V1ReplicaSet? rs) => rs is null ? 0 : rs.Spec.Replicas ?? 1;

    /// <summary>The oldest ReplicaSet whose template equals the Deployment's, ignoring pod-template-hash.</summary>
    public static V1ReplicaSet? FindNew(V1Deployment d, IEnumerable<V1ReplicaSet> replicaSets) =>
        ReplicaSetOrder.Sorted(replicaSets, ReplicaSetOrder.ByCreation)
            .FirstOrDefault(rs => PodTemplateHash.EqualIgnoringHash(rs.Spec.Template, d.Spec.Template));

    /// <summary>Every ReplicaSet except the new one.</summary>
    public static List<V1ReplicaSet> FindOld(V1Deployment d, IEnumerable<V1ReplicaSet> replicaSets)
    {
        var list = replicaSets.ToList();
        var newRS = FindNew(d, list);
        return list.Where(rs => newRS is null || rs.Metadata.Uid != newRS.Metadata.Uid).ToList();
    }

    /// <summary>ReplicaSets with spec.replicas above zero.</summary>
    public static List<V1ReplicaSet> Active(IEnumerable<V1ReplicaSet?> replicaSets) =>
        replicaSets.OfType<V1ReplicaSet>().Where(rs => SpecReplicas(rs) > 0).ToList();

    public static int SumSpecReplicas(IEnumerable<V1ReplicaSet?> replicaSets) => replicaSets.Sum(SpecReplicas);

    public static int SumStatusReplicas(IEnumerable<V1ReplicaSet?> replicaSets) =>
        replicaSets.OfType<V1ReplicaSet>().Sum(rs => rs.Status?.Replicas ?? 0);

    public static int SumReadyReplicas(IEnumerable<V1ReplicaSet?> replicaSets) =>
        replicaSets.OfType<V1ReplicaSet>().Sum(rs => rs.Status?.ReadyReplicas ?? 0);

    public static int SumAvailableReplicas(IEnumerable<V1ReplicaSet?> replicaSets) =>
        replicaSets.OfType<V1ReplicaSet>().Sum(rs => rs.Status?.AvailableReplicas ?? 0);

    /// <summary>Null as soon as one ReplicaSet does not report terminating replicas.</summary>
    public static int? SumTerminatingReplicas(IEnumerable<V1ReplicaSet?> replicaSets)
    {
        var total = 0;
        foreach (var rs in replicaSets.OfType<V1ReplicaSet>())
        {
            if (rs.Status?.TerminatingReplicas is not { } terminating)
            {
                return null;
            }

            total += terminating;
        }

        return total;
    }

    /// <summary>The only active ReplicaSet, or the newest when none is active; null when several are active.</summary>
    public static V1ReplicaSet? FindActiveOrLatest(V1ReplicaSet? newRS, IReadOnlyList<V1ReplicaSet> oldRSs)
    {
        if (newRS is null && oldRSs.Count == 0)
        {
            return null;
        }

        var newestFirst = ReplicaSetOrder.Sorted(oldRSs, (a, b) => ReplicaSetOrder.ByCreation(b, a));
        var active = Active(newestFirst.Append(newRS));
        return active.Count switch
        {
            0 => newRS ?? newestFirst[0],
            1 => active[0],
            _ => null,
        };
    }
}
