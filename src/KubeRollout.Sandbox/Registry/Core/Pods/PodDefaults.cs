using k8s.Models;
using KubeRollout.Sandbox.Registry.Defaulting;

namespace KubeRollout.Sandbox.Registry.Core.Pods;

/// <summary>
/// Pod defaults: the pod spec defaults and what only pods get (requests from limits, service links, the default
/// service account, priority and the not-ready/unreachable tolerations the admission plugins add).
/// </summary>
internal static class PodDefaults
{
    private static readonly string[] NoExecuteTaints = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

    public static void Apply(V1Pod pod)
    {
        var spec = pod.Spec ??= new V1PodSpec();
        foreach (var container in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            if (container.Resources?.Limits is { Count: > 0 } limits)
            {
                var requests = container.Resources.Requests ??= new Dictionary<string, ResourceQuantity>();
                foreach (var (name, value) in limits)
                {
                    requests.TryAdd(name, value);
                }
            }
        }

        PodSpecDefaults.Apply(spec);
        spec.EnableServiceLinks ??= true;
        spec.ServiceAccountName ??= spec.ServiceAccount ?? "default";
        spec.ServiceAccount ??= spec.ServiceAccountName;
        spec.Priority ??= 0;
        spec.PreemptionPolicy ??= "PreemptLowerPriority";
        var tolerations = spec.Tolerations ??= [];
        foreach (var taint in NoExecuteTaints)
        {
            if (!tolerations.Any(t => t.Key == taint && (t.Effect is null || t.Effect == "NoExecute")))
            {
                tolerations.Add(new V1Toleration { Key = taint, OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 });
            }
        }
    }

    /// <summary>Guaranteed: every container limits cpu and memory with equal requests; BestEffort: nothing requested or limited.</summary>
    public static string QosClass(V1PodSpec spec)
    {
        var containers = (spec.Containers ?? []).Concat(spec.InitContainers ?? []).ToList();
        string[] compute = ["cpu", "memory"];
        var anySet = containers.Any(c =>
            compute.Any(r => (c.Resources?.Requests?.ContainsKey(r) ?? false) || (c.Resources?.Limits?.ContainsKey(r) ?? false)));
        if (!anySet)
        {
            return "BestEffort";
        }

        var guaranteed = containers.All(c => compute.All(r =>
            c.Resources?.Limits?.TryGetValue(r, out var limit) == true
            && (c.Resources.Requests?.TryGetValue(r, out var request) != true || (decimal)request == (decimal)limit)));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
