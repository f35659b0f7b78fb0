using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// What a kubelet does for a pod before its containers start: it mounts the volumes — a ConfigMap or Secret volume
/// whose object (or a key its items name) is missing fails with a FailedMount event and is retried on the volume
/// manager's back-off (0.5 s, doubling, at most 2 min 2 s) — and, once they are mounted, runs the init containers in
/// order, each needing its env sources (a missing one is CreateContainerConfigError, retried on the pod worker's
/// 10 s back-off). Until then no sandbox exists (no pod IP) or the pod stays initializing.
/// </summary>
public sealed class PodStartup
{
    private static readonly TimeSpan InitialMountBackOff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxMountBackOff = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ConfigRetry = TimeSpan.FromSeconds(10);

    private TimeSpan? _mountBackOff;

    public PodStartup(DateTime startTime)
    {
        NextAttempt = startTime;
    }

    /// <summary>Every volume is set up (the pod sandbox exists).</summary>
    public bool Mounted { get; private set; }

    /// <summary>Every init container has run.</summary>
    public bool Initialized { get; private set; }

    public bool Done => Mounted && Initialized;

    /// <summary>When the kubelet tries again (null once done).</summary>
    public DateTime? NextAttempt { get; private set; }

    /// <summary>The init container that cannot be created, with the error (CreateContainerConfigError).</summary>
    public (string Container, string Error)? InitFailure { get; private set; }

    /// <summary>
    /// Tries the next step if it is due; returns when the pod got past its last step (its containers may start from
    /// then), or null while it is still blocked.
    /// </summary>
    public DateTime? Advance(DateTime now, V1Pod pod, ConfigLookup lookup, List<KubeletEvent> events)
    {
        if (Done || NextAttempt is not { } at || at > now)
        {
            return null;
        }

        if (!Mounted)
        {
            var failures = ConfigSourceCheck.VolumeErrors(pod.Spec, lookup);
            if (failures.Count > 0)
            {
                foreach (var (volume, error) in failures)
                {
                    events.Add(new KubeletEvent("Warning", "FailedMount", $"MountVolume.SetUp failed for volume \"{volume}\" : {error}", null));
                }

                _mountBackOff = _mountBackOff is null ? InitialMountBackOff : Min(_mountBackOff.Value * 2, MaxMountBackOff);
                NextAttempt = at + _mountBackOff.Value;
                return null;
            }

            Mounted = true;
        }

        foreach (var container in pod.Spec.InitContainers ?? [])
        {
            if (ConfigSourceCheck.EnvError(container, pod.Metadata.NamespaceProperty, lookup) is { } error)
            {
                var path = $"spec.initContainers{{{container.Name}}}";
                events.Add(new KubeletEvent("Normal", "Pulled", $"Container image \"{container.Image}\" already present on machine", null, path));
                events.Add(new KubeletEvent("Warning", "Failed", $"Error: {error}", null, path));
                InitFailure = (container.Name, error);
                NextAttempt = at + ConfigRetry;
                return null;
            }
        }

        InitFailure = null;
        Initialized = true;
        NextAttempt = null;
        return at;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
