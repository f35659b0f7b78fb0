using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Releases.BlueGreen;
using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Apply;

/// <summary>
/// What the user must hear about an apply, found from the server's dry run before anything is written: a Deployment
/// that rolls out with Recreate is down until its new pods are ready (<see cref="RecreateDowntime"/>), and a Service
/// whose selector changes to one that reaches no ready pod, or the pods of several workloads, loses or mixes its
/// traffic (<see cref="ServiceSelectorCheck"/>, the rules of Switch-KubeBlueGreen).
/// </summary>
internal static class ApplyWarnings
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet"];

    /// <param name="checkedObjects">The dry run of every object, in the order of <paramref name="results"/>.</param>
    public static async Task<IReadOnlyList<ApplyResult>> AddAsync(
        KubeApiClient client, IReadOnlyList<AppliedObject> checkedObjects, IReadOnlyList<ApplyResult> results, CancellationToken cancellationToken)
    {
        var warned = new List<ApplyResult>();
        foreach (var (applied, result) in checkedObjects.Zip(results))
        {
            var warnings = new List<string>();
            if (RecreateDowntime.Warning(result.Kind, result.Name, applied.Before, applied.After, result.RolloutTriggered) is { } downtime)
            {
                warnings.Add(downtime);
            }

            if (result.Kind == "Service" && applied.Before is not null && !JsonNode.DeepEquals(SelectorOf(applied.Before), SelectorOf(applied.After)))
            {
                var service = KubernetesJson.Deserialize<V1Service>(applied.After.ToJsonString());
                var state = await BlueGreenStateReader.ReadAsync(client, service, cancellationToken).ConfigureAwait(false);
                warnings.AddRange(ServiceSelectorCheck.Warnings(state, Incoming(checkedObjects, result.Namespace)));
            }

            warned.Add(warnings.Count == 0 ? result : result with { Warnings = warnings });
        }

        return warned;
    }

    private static JsonNode? SelectorOf(JsonObject service) => service["spec"]?["selector"];

    /// <summary>The workloads the apply creates or changes in the namespace, with the labels their pods will have.</summary>
    private static IReadOnlyList<(string Workload, IDictionary<string, string>? PodLabels)> Incoming(IReadOnlyList<AppliedObject> checkedObjects, string @namespace) =>
        checkedObjects
            .Where(o => WorkloadKinds.Contains(o.Result.Kind) && o.Result.Namespace == @namespace && o.Result.Action != ApplyAction.Unchanged)
            .Select(o => ($"{o.Result.Kind.ToLowerInvariant()} {o.Result.Name}",
                (IDictionary<string, string>?)(o.After["spec"]?["template"]?["metadata"]?["labels"] as JsonObject)?
                    .Where(l => l.Value is JsonValue)
                    .ToDictionary(l => l.Key, l => l.Value!.GetValue<string>(), StringComparer.Ordinal)))
            .ToList();
}
