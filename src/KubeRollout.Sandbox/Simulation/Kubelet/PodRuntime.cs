using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// The kubelet's memory of one pod it runs: when it took the pod, its address, how far it got in starting it
/// (volumes, init containers) and its containers.
/// </summary>
public sealed class PodRuntime
{
    private readonly TimeSpan _startupDelay;

    public PodRuntime(V1Pod pod, DateTime startTime, TimeSpan startupDelay, string? podIP)
    {
        Uid = pod.Metadata.Uid;
        StartTime = startTime;
        PodIP = podIP;
        _startupDelay = startupDelay;
        Startup = new PodStartup(startTime);
        Containers = (pod.Spec.Containers ?? []).Select(c => new ContainerRuntime(c, startTime + startupDelay)).ToList();
    }

    public PodStartup Startup { get; }

    public string Uid { get; }

    public DateTime StartTime { get; }

    public string? PodIP { get; }

    public IReadOnlyList<ContainerRuntime> Containers { get; }

    /// <summary>When the kubelet started stopping the pod (it was deleted).</summary>
    public DateTime? KillingSince { get; set; }

    public DateTime? NextTransition => Startup.Done ? Containers.Select(c => c.NextTransition).Where(t => t is not null).Min() : Startup.NextAttempt;

    public void Advance(DateTime now, V1Pod pod, ConfigLookup lookup, ContainerContext context, List<KubeletEvent> events)
    {
        if (!Startup.Done)
        {
            if (Startup.Advance(now, pod, lookup, events) is not { } started)
            {
                return;
            }

            if (started > StartTime)
            {
                // Blocked until now (a volume, an init container): the containers are created from here on.
                foreach (var container in Containers)
                {
                    container.CreateUntil(started + _startupDelay);
                }
            }
        }

        foreach (var container in Containers)
        {
            container.Advance(now, context, events);
        }
    }
}
