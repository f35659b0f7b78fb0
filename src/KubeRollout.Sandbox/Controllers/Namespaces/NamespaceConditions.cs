using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Namespaces;

/// <summary>
/// The conditions the namespace controller keeps on a terminating namespace (namespace deletion's
/// status_condition_utils): each is False with its "ok" reason and message unless something is wrong or remains.
/// </summary>
internal static class NamespaceConditions
{
    public const string ContentRemaining = "NamespaceContentRemaining";
    public const string FinalizersRemaining = "NamespaceFinalizersRemaining";

    private static readonly (string Type, string Reason, string Message)[] Succeeded =
    [
        ("NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"),
        ("NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
        ("NamespaceDeletionContentFailure", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
        (ContentRemaining, "ContentRemoved", "All content successfully removed"),
        (FinalizersRemaining, "ContentRemoved", "All content successfully removed"),
    ];

    /// <summary>
    /// The conditions after a pass that left <paramref name="remaining"/> (resource → count) and
    /// <paramref name="finalizers"/> (finalizer → count of objects): existing conditions keep their transition time
    /// while their status stays. Returns null when nothing changes.
    /// </summary>
    public static List<V1NamespaceCondition>? Update(
        IList<V1NamespaceCondition>? current, IReadOnlyDictionary<string, int> remaining, IReadOnlyDictionary<string, int> finalizers, DateTime now)
    {
        var result = current?.ToList() ?? [];
        var changed = false;
        foreach (var (type, okReason, okMessage) in Succeeded)
        {
            var (status, reason, message) = type switch
            {
                ContentRemaining when remaining.Count > 0 => ("True", "SomeResourcesRemain",
                    "Some resources are remaining: " + string.Join(", ", remaining.Select(r => $"{r.Key} has {r.Value} resource instances").Order(StringComparer.Ordinal))),
                FinalizersRemaining when finalizers.Count > 0 => ("True", "SomeFinalizerRemain",
                    "Some finalizers are remaining: " + string.Join(", ", finalizers.Select(f => $"{f.Key} in {f.Value} resource instances").Order(StringComparer.Ordinal))),
                _ => ("False", okReason, okMessage),
            };
            var index = result.FindIndex(c => c.Type == type);
            if (index < 0)
            {
                result.Add(new V1NamespaceCondition { Type = type, Status = status, Reason = reason, Message = message, LastTransitionTime = now });
                changed = true;
            }
            else if (result[index].Status != status || result[index].Reason != reason || result[index].Message != message)
            {
                result[index] = new V1NamespaceCondition
                {
                    Type = type,
                    Status = status,
                    Reason = reason,
                    Message = message,
                    LastTransitionTime = result[index].Status == status ? result[index].LastTransitionTime : now,
                };
                changed = true;
            }
        }

        return changed ? result : null;
    }
}
