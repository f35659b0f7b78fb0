using System.Text.Json.Nodes;
using static KubeRollout.Core.Apply.Merging.PatchDirectives;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// The merge half of strategic merge patch, as the API server applies a patch to an object, and as kubectl folds
/// the deletions patch and the changes patch of a three-way apply into one. Lists with a merge key merge item by
/// item, primitive lists with the merge strategy as sets, other lists are replaced; objects merge field by field
/// and null deletes. Directives: <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder/x</c> and
/// <c>$deleteFromPrimitiveList/x</c>.
/// </summary>
public static class StrategicMergePatch
{
    private static readonly Mode ServerApply = new(MergeParallelLists: true, IgnoreUnmatchedNulls: true);
    private static readonly Mode PatchFold = new(MergeParallelLists: false, IgnoreUnmatchedNulls: false);

    /// <summary>The object the server makes of <paramref name="current"/> and <paramref name="patch"/>.</summary>
    public static JsonObject Apply(JsonObject current, JsonObject patch, PatchSchema schema) =>
        MergeMap(current.DeepClone().AsObject(), patch.DeepClone().AsObject(), schema, ServerApply);

    /// <summary>
    /// kubectl apply's patch: what changes from the live object to <paramref name="modified"/>, plus the deletion of
    /// what <paramref name="original"/> (the last applied configuration) set and <paramref name="modified"/> no
    /// longer does. Fields others set and the last apply did not are left alone.
    /// </summary>
    public static JsonObject CreateThreeWay(JsonObject? original, JsonObject modified, JsonObject current, PatchSchema schema)
    {
        var changes = StrategicMergeDiff.ChangesAndAdditions(current, modified, schema);
        var deletions = StrategicMergeDiff.Deletions(original ?? [], modified, schema);
        return MergeMap(deletions, changes, schema, PatchFold);
    }

    /// <summary>The patch that turns <paramref name="original"/> into <paramref name="modified"/>, deletions included.</summary>
    public static JsonObject CreateTwoWay(JsonObject original, JsonObject modified, PatchSchema schema) =>
        StrategicMergeDiff.Between(original, modified, schema);

    private static JsonObject MergeMap(JsonObject original, JsonObject patch, PatchSchema schema, Mode mode)
    {
        if (patch.TryGetPropertyValue(Marker, out var directive))
        {
            return Text(directive) switch
            {
                Replace => Without(patch, Marker),
                Delete => [],
                var other => throw new InvalidPatchException($"unknown patch type: {other} in map: {patch.ToJsonString()}"),
            };
        }

        RetainKeysOf(original, patch, mode);
        MergeOrderedLists(original, patch, schema, mode);
        foreach (var (patchKey, patchValue) in patch.ToList())
        {
            var key = patchKey;
            var isDeleteList = false;
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                if (!mode.MergeParallelLists)
                {
                    original[key] = Clone(patchValue);
                    continue;
                }

                key = FieldOf(key, DeleteFromPrimitiveList);
                isDeleteList = true;
            }

            if (patchValue is null)
            {
                original.Remove(key);
                if (mode.IgnoreUnmatchedNulls)
                {
                    continue;
                }
            }

            if (!original.TryGetPropertyValue(key, out var originalValue) || KindOf(originalValue) != KindOf(patchValue))
            {
                if (!isDeleteList)
                {
                    SetFromPatch(original, key, patchValue, mode);
                }

                continue;
            }

            var (rule, valueSchema) = schema.Field(key);
            switch (originalValue)
            {
                case JsonObject originalMap:
                    original[key] = rule.Replaces ? Clone(patchValue) : MergeMap(Detached(originalMap), patchValue!.AsObject(), valueSchema, mode);
                    break;
                case JsonArray originalList:
                    original[key] = rule.MergesList
                        ? MergeList(originalList, patchValue!.AsArray(), valueSchema, rule.MergeKey, isDeleteList, mode)
                        : Clone(patchValue);
                    break;
                default:
                    SetFromPatch(original, key, patchValue, mode);
                    break;
            }
        }

        return original;
    }

    /// <summary>
    /// $retainKeys: when applied, clears the fields it does not list; when folding two patches, is carried over.
    /// </summary>
    private static void RetainKeysOf(JsonObject original, JsonObject patch, Mode mode)
    {
        if (!patch.TryGetPropertyValue(RetainKeys, out var retainKeys))
        {
            return;
        }

        patch.Remove(RetainKeys);
        if (!mode.MergeParallelLists)
        {
            if (original.TryGetPropertyValue(RetainKeys, out var existing) && !JsonNode.DeepEquals(existing, retainKeys))
            {
                throw new InvalidPatchException($"{existing?.ToJsonString()} and {retainKeys?.ToJsonString()} are not deep equal: this may happen when calculating the 3-way diff patch");
            }

            original[RetainKeys] = Clone(retainKeys);
            return;
        }

        if (retainKeys is not JsonArray list)
        {
            throw new InvalidPatchException("invalid patch format of retainKeys");
        }

        var keep = list.Select(Text).ToHashSet(StringComparer.Ordinal);
        var stray = patch.Where(p => p.Value is not null && !p.Key.StartsWith('$') && !keep.Contains(p.Key));
        if (stray.Any())
        {
            throw new InvalidPatchException("invalid patch format of retainKeys");
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    /// <summary>Merges every list that has a $setElementOrder directive and puts it in that order.</summary>
    private static void MergeOrderedLists(JsonObject original, JsonObject patch, PatchSchema schema, Mode mode)
    {
        foreach (var (directive, orderNode) in patch.Where(p => p.Key.StartsWith(SetElementOrder, StringComparison.Ordinal)).ToList())
        {
            var order = orderNode as JsonArray ?? throw new InvalidPatchException($"invalid patch format: {directive} is not a list");
            if (!mode.MergeParallelLists)
            {
                if (original.TryGetPropertyValue(directive, out var existing) && !JsonNode.DeepEquals(existing, order))
                {
                    throw new InvalidPatchException("invalid patch format: the $setElementOrder lists of the two patches differ");
                }

                original[directive] = Clone(order);
            }

            patch.Remove(directive);
            var field = FieldOf(directive, SetElementOrder);
            var originalList = ListOrNull(original, field);
            var patchList = ListOrNull(patch, field);
            var (rule, itemSchema) = schema.Field(field);
            List<JsonNode?> merged;
            if (originalList is not null && patchList is not null)
            {
                merged = rule.MergesList
                    ? MergeList(originalList, patchList, itemSchema, rule.MergeKey, isDeleteList: false, mode).ToList()
                    : patchList.ToList();
            }
            else if (originalList is not null || patchList is not null)
            {
                merged = (originalList ?? WithoutDirectives(patchList)!.AsArray()).ToList();
            }
            else
            {
                continue;
            }

            var mergeKey = AreObjects(originalList, patchList) ? rule.MergeKey : null;
            var (named, serverOnly) = ElementOrder.Partition(merged, order.ToList(), mergeKey);
            original[field] = ElementOrder.Interleave(named, serverOnly, order.ToList(), originalList?.ToList() ?? [], mergeKey);
            patch.Remove(field);
        }
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, PatchSchema itemSchema, string? mergeKey, bool isDeleteList, Mode mode)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return [];
        }

        var live = original.Select(Clone).ToList();
        var changes = patch.Select(Clone).ToList();
        List<JsonNode?> merged;
        if (!AreObjects(original, patch))
        {
            if (mode.MergeParallelLists && isDeleteList)
            {
                return new JsonArray(live.Where(item => !changes.Any(d => JsonNode.DeepEquals(d, item))).ToArray());
            }

            merged = live.Concat(changes).DistinctBy(Text).Select(Clone).ToList();
            mergeKey = null;
        }
        else
        {
            var key = mergeKey ?? throw new InvalidPatchException("cannot merge lists without merge key");
            (live, changes) = ApplyItemDirectives(live, changes, key);
            merged = MergeItems(live, changes, itemSchema, key, mode);
        }

        var (named, serverOnly) = ElementOrder.Partition(merged, changes, mergeKey);
        return ElementOrder.Interleave(named, serverOnly, changes, live, mergeKey);
    }

    /// <summary>Items with $patch: delete remove the live items with their key; an item with $patch: replace makes the patch the whole list.</summary>
    private static (List<JsonNode?> Live, List<JsonNode?> Changes) ApplyItemDirectives(List<JsonNode?> live, List<JsonNode?> changes, string mergeKey)
    {
        var plain = new List<JsonNode?>();
        var replace = false;
        foreach (var item in changes)
        {
            var map = item!.AsObject();
            if (!map.TryGetPropertyValue(Marker, out var directive))
            {
                plain.Add(item);
                continue;
            }

            switch (Text(directive))
            {
                case Delete:
                    var value = MergeKeyOf(map, mergeKey);
                    live = live.Where(l => !JsonNode.DeepEquals((l as JsonObject)?[mergeKey], value)).ToList();
                    break;
                case Replace:
                    replace = true;
                    break;
                case "merge":
                    throw new InvalidPatchException("merging lists cannot yet be specified in the patch");
                case var other:
                    throw new InvalidPatchException($"unknown patch type: {other} in map: {map.ToJsonString()}");
            }
        }

        return replace ? (plain, []) : (live, plain);
    }

    private static List<JsonNode?> MergeItems(List<JsonNode?> live, List<JsonNode?> changes, PatchSchema itemSchema, string mergeKey, Mode mode)
    {
        var merged = new List<JsonNode?>(live);
        foreach (var change in changes)
        {
            var value = MergeKeyOf(change, mergeKey);
            var index = merged.FindIndex(item => item is JsonObject map && map.TryGetPropertyValue(mergeKey, out var v) && JsonNode.DeepEquals(v, value));
            if (index >= 0)
            {
                merged[index] = MergeMap(Detached(merged[index]!.AsObject()), change!.AsObject(), itemSchema, mode);
            }
            else
            {
                merged.Add(change);
            }
        }

        return merged;
    }

    /// <summary>A value the patch sets whole: without directives, and when applied without null fields.</summary>
    private static void SetFromPatch(JsonObject original, string key, JsonNode? value, Mode mode)
    {
        var cleaned = WithoutDirectives(value);
        if (mode.IgnoreUnmatchedNulls)
        {
            cleaned = WithoutNulls(cleaned);
        }

        if (value is JsonObject map && map.ContainsKey(Marker))
        {
            original.Remove(key);
            return;
        }

        original[key] = cleaned;
    }

    private static JsonNode? WithoutDirectives(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map
            .Where(p => !(p.Value is JsonObject child && child.ContainsKey(Marker)))
            .Select(p => KeyValuePair.Create(p.Key, WithoutDirectives(p.Value)))),
        JsonArray list => new JsonArray(list.Where(i => !(i is JsonObject m && m.ContainsKey(Marker))).Select(WithoutDirectives).ToArray()),
        _ => Clone(node),
    };

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray list => new JsonArray(list.Select(WithoutNulls).ToArray()),
        _ => Clone(node),
    };

    private static JsonArray? ListOrNull(JsonObject map, string field) =>
        !map.TryGetPropertyValue(field, out var value) ? null
            : value as JsonArray ?? throw new InvalidPatchException($"invalid patch format: {field} is not a list");

    private static JsonObject Without(JsonObject map, string key)
    {
        var copy = map.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    private static JsonObject Detached(JsonObject map) => map.Parent is null ? map : map.DeepClone().AsObject();

    private readonly record struct Mode(bool MergeParallelLists, bool IgnoreUnmatchedNulls);
}
