using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>The kubelet's memory of one pod it runs: when it took the pod, its address and its containers.</summary>
public sealed class PodRuntime
{
    public PodRuntime(V1Pod pod, DateTime startTime, TimeSpan startupDelay, string? podIP)
    {
        Uid = pod.Metadata.Uid;
        StartTime = startTime;
        PodIP = podIP;
        Containers = (pod.Spec.Containers ?? []).Select(c => new ContainerRuntime(c, startTime + startupDelay)).ToList();
    }

    public string Uid { get; }

    public DateTime StartTime { get; }

    public string? PodIP { get; }

    public IReadOnlyList<ContainerRuntime> Containers { get; }

    /// <summary>When the kubelet started stopping the pod (it was deleted).</summary>
    public DateTime? KillingSince { get; set; }

    public DateTime? NextTransition => Containers.Select(c => c.NextTransition).Where(t => t is not null).Min();

    public void Advance(DateTime now, ContainerContext context, List<KubeletEvent> events)
    {
        foreach (var container in Containers)
        {
            container.Advance(now, context, events);
        }
    }
}
