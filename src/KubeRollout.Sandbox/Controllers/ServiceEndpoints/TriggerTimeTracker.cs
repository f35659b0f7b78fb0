using System.Collections.Concurrent;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// Computes the endpoints.kubernetes.io/last-change-trigger-time annotation as endpointslice/util's
/// TriggerTimeTracker does: for a Service seen for the first time, its creation time; after that, the earliest of
/// the trigger times that changed since the previous sync (a pod's Ready transition time, the Service's creation),
/// or none. The state is updated on every sync, also when nothing is written.
/// </summary>
public sealed class TriggerTimeTracker
{
    private readonly ConcurrentDictionary<ObjectKey, State> _states = new();

    public DateTime? Compute(V1Service service, IEnumerable<V1Pod> pods)
    {
        var key = ObjectKey.Of(service);
        var known = _states.TryGetValue(key, out var state);
        DateTime? earliest = null;
        var podTimes = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (PodConditions.Find(pod, PodConditions.Ready)?.LastTransitionTime is not { } time)
            {
                continue;
            }

            podTimes[pod.Metadata.Name] = time;
            if (state is null || !state.PodTimes.TryGetValue(pod.Metadata.Name, out var previous) || time > previous)
            {
                earliest = earliest is null || time < earliest ? time : earliest;
            }
        }

        var serviceTime = service.Metadata.CreationTimestamp;
        if (serviceTime is { } created && (state?.ServiceTime is not { } previousService || created > previousService))
        {
            earliest = earliest is null || created < earliest ? created : earliest;
        }

        _states[key] = new State(serviceTime, podTimes);
        return known ? earliest : service.Metadata.CreationTimestamp;
    }

    public void Forget(ObjectKey service) => _states.TryRemove(service, out _);

    /// <summary>Go's RFC3339Nano: UTC, fractional seconds without trailing zeros.</summary>
    public static string Format(DateTime time)
    {
        var utc = time.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return utc.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : string.Empty) + "Z";
    }

    private sealed record State(DateTime? ServiceTime, Dictionary<string, DateTime> PodTimes);
}
