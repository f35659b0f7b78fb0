using System.Text.Json.Nodes;
using static KubeRollout.Core.Apply.Merging.PatchDirectives;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// The order of a merged list: the items the patch names come in the patch's order ($setElementOrder), items only
/// the server has keep their live order, and the two are interleaved where the live list had them.
/// </summary>
internal static class ElementOrder
{
    /// <summary>
    /// Merges the patch items (sorted by <paramref name="patchOrder"/>) with the server-only items (sorted by
    /// <paramref name="serverOrder"/>): a server-only item goes before a patch item only when the live list had it
    /// before that item.
    /// </summary>
    public static JsonArray Interleave(List<JsonNode?> patchItems, List<JsonNode?> serverOnly, List<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string? mergeKey)
    {
        var right = SortBy(patchItems, patchOrder, mergeKey);
        var left = SortBy(serverOnly, serverOrder, mergeKey);
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count)
            {
                result.Add(right[j++]);
            }
            else if (j >= right.Count)
            {
                result.Add(left[i++]);
            }
            else
            {
                var li = IndexOf(serverOrder, left[i], mergeKey);
                var ri = IndexOf(serverOrder, right[j], mergeKey);
                result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
            }
        }

        return new JsonArray(result.Select(item => item?.Parent is null ? item : item.DeepClone()).ToArray());
    }

    /// <summary>
    /// Sorts items by their position in <paramref name="order"/> (stable); deletion directives go last.
    /// </summary>
    public static List<JsonNode?> SortBy(List<JsonNode?> items, List<JsonNode?> order, string? mergeKey)
    {
        var deletions = mergeKey is null ? [] : items.Where(IsDeletion).ToList();
        var kept = items.Where(item => mergeKey is null || !IsDeletion(item)).ToList();
        var sorted = kept
            .Select((item, position) => (Item: item, Position: position, Index: IndexOf(order, item, mergeKey)))
            .OrderBy(x => x.Index < 0 ? int.MaxValue : x.Index)
            .ThenBy(x => x.Position)
            .Select(x => x.Item);
        return sorted.Concat(deletions).ToList();
    }

    /// <summary>Splits items into those <paramref name="named"/> has (by merge key, or by value) and the others.</summary>
    public static (List<JsonNode?> Named, List<JsonNode?> Others) Partition(IEnumerable<JsonNode?> items, List<JsonNode?> named, string? mergeKey)
    {
        var lookup = items.ToList();
        return (lookup.Where(i => IndexOf(named, i, mergeKey) >= 0).ToList(), lookup.Where(i => IndexOf(named, i, mergeKey) < 0).ToList());
    }

    public static int IndexOf(List<JsonNode?> list, JsonNode? item, string? mergeKey)
    {
        var value = mergeKey is null ? item : (item as JsonObject)?[mergeKey];
        return list.FindIndex(candidate => JsonNode.DeepEquals(mergeKey is null ? candidate : (candidate as JsonObject)?[mergeKey], value));
    }

    private static bool IsDeletion(JsonNode? item) => item is JsonObject map && Text(map[Marker]) == Delete;
}
