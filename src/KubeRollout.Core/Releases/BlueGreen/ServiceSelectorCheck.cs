using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// What a Service's selector reaches, judged by the rules Switch-KubeBlueGreen switches by (pure): a selector that
/// reaches no ready pod leaves the Service without endpoints, and one that reaches the pods of several workloads
/// sends the traffic to all of them. An apply that changes a Service's selector warns about both.
/// </summary>
public static class ServiceSelectorCheck
{
    /// <param name="state">The Service as it will be, with the pods and Deployments of its namespace now.</param>
    /// <param name="incoming">
    /// The workloads the same apply writes in the Service's namespace ("deployment vweb-green") with their pod
    /// template labels: their pods are on the way, so a selector that reaches them does not stay without endpoints.
    /// </param>
    public static IReadOnlyList<string> Warnings(BlueGreenState state, IReadOnlyList<(string Workload, IDictionary<string, string>? PodLabels)> incoming)
    {
        var selector = state.Selector;
        if (selector.Count == 0 || state.Service.Spec?.Type == "ExternalName")
        {
            return [];
        }

        var matched = state.PodsMatching(selector);
        var coming = incoming.Where(w => ServiceSelectors.Matches(selector, w.PodLabels)).Select(w => w.Workload).ToList();
        var owners = matched.Select(p => state.OwnerOf(p) is { } deployment ? $"deployment {deployment.Metadata.Name}" : ControllerOf(p))
            .Concat(coming)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var what = $"The selector of service {state.ServiceName} becomes {ServiceSelectors.Format(selector)}";
        var warnings = new List<string>();
        if (coming.Count == 0 && !matched.Any(BlueGreenState.IsServing))
        {
            warnings.Add($"{what}, which matches no ready pod: the Service will have no endpoints, and requests to it fail until pods with these labels are ready.");
        }

        if (owners.Count > 1)
        {
            warnings.Add(
                $"{what}, which matches the pods of {string.Join(", ", owners)}: the Service sends its traffic to all of them. " +
                "Give each side a label of its own (slot: blue, slot: green) and select it, or switch with Switch-KubeBlueGreen, which refuses such a selector.");
        }

        return warnings;
    }

    /// <summary>What a pod of no Deployment belongs to: its controller ("statefulset todo-db"), or itself.</summary>
    private static string ControllerOf(V1Pod pod) =>
        pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { } owner
            ? $"{owner.Kind.ToLowerInvariant()} {owner.Name}"
            : $"pod {pod.Metadata.Name}";
}
