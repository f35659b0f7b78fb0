using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// The one write of a switch: a JSON merge patch that sets the Service's selector (keys it no longer has set to
/// null) and its switch history, conditional on the resourceVersion that was read. Everything else on the Service
/// is left as it is, so a change someone else made meanwhile is either already in what was read or makes the
/// write fail with 409 Conflict, after which it is read again and kept.
/// </summary>
internal static class BlueGreenServicePatch
{
    public static string For(V1Service service, IReadOnlyDictionary<string, string> selector, string history)
    {
        var selectorPatch = new JsonObject();
        foreach (var key in (service.Spec?.Selector?.Keys ?? []).Where(k => !selector.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            selectorPatch[key] = null;
        }

        foreach (var (key, value) in selector.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            selectorPatch[key] = value;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = service.Metadata.ResourceVersion,
                ["annotations"] = new JsonObject { [BlueGreenHistory.Annotation] = history },
            },
            ["spec"] = new JsonObject { ["selector"] = selectorPatch },
        }.ToJsonString();
    }
}
