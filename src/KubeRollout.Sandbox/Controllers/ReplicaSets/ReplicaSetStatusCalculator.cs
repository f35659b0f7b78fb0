using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.ReplicaSets;

/// <summary>A ReplicaSet's status from its claimed pods (replicaset.calculateStatus).</summary>
public static class ReplicaSetStatusCalculator
{
    public const string ReplicaFailure = "ReplicaFailure";

    public static V1ReplicaSetStatus Calculate(
        V1ReplicaSet rs, IReadOnlyList<V1Pod> activePods, IReadOnlyList<V1Pod> terminatingPods, StoreException? manageError, DateTime now)
    {
        var templateLabels = rs.Spec.Template?.Metadata?.Labels;
        var minReadySeconds = rs.Spec.MinReadySeconds ?? 0;
        int fullyLabeled = 0, ready = 0, available = 0;
        foreach (var pod in activePods)
        {
            if (HasAllLabels(pod.Metadata.Labels, templateLabels))
            {
                fullyLabeled++;
            }

            if (PodConditions.IsReady(pod))
            {
                ready++;
                if (PodConditions.IsAvailable(pod, minReadySeconds, now))
                {
                    available++;
                }
            }
        }

        var conditions = rs.Status?.Conditions?.ToList() ?? [];
        var failure = conditions.FirstOrDefault(c => c.Type == ReplicaFailure);
        if (manageError is not null && failure is null)
        {
            var diff = activePods.Count - (rs.Spec.Replicas ?? 1);
            conditions.Add(new V1ReplicaSetCondition
            {
                Type = ReplicaFailure,
                Status = "True",
                Reason = diff < 0 ? "FailedCreate" : "FailedDelete",
                Message = manageError.Message,
                LastTransitionTime = SimulatedTime.Truncate(now),
            });
        }
        else if (manageError is null && failure is not null)
        {
            conditions.Remove(failure);
        }

        return new V1ReplicaSetStatus
        {
            Replicas = activePods.Count,
            FullyLabeledReplicas = fullyLabeled,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            TerminatingReplicas = terminatingPods.Count,
            ObservedGeneration = rs.Metadata.Generation,
            Conditions = conditions.Count == 0 ? null : conditions,
        };
    }

    private static bool HasAllLabels(IDictionary<string, string>? labels, IDictionary<string, string>? required)
    {
        if (required is null)
        {
            return true;
        }

        foreach (var (key, value) in required)
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
