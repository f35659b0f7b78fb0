using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching.Schema;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// Strategic merge patch (application/strategic-merge-patch+json) as the API server applies it, with the patch
/// metadata of the built-in types (<see cref="PatchMetadataTable"/>): lists with a merge key merge item by item,
/// primitive lists with the merge strategy merge as sets, other lists are replaced; maps merge recursively and null
/// deletes. Directives: <c>$patch: replace|delete|merge</c> in maps and list items, <c>$retainKeys</c>,
/// <c>$setElementOrder/field</c> and <c>$deleteFromPrimitiveList/field</c>.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary><paramref name="modelType"/> is the KubernetesClient model of the root object (e.g. V1Deployment).</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, Type modelType) =>
        MergeMap(original.DeepClone().AsObject(), patch, ModelShape.Of(modelType)) ?? new JsonObject();

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (owned, changed in place); null means "delete this map".</summary>
    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, ModelShape shape)
    {
        if (patch[PatchDirective] is { } directive)
        {
            switch (DirectiveValue(directive))
            {
                case "replace":
                    return MergeMap(new JsonObject(), WithoutKey(patch, PatchDirective), shape);
                case "delete":
                    return null;
                case "merge":
                    patch = WithoutKey(patch, PatchDirective);
                    break;
                case var other:
                    throw PatchErrors.BadRequest($"unknown patch type: {other} in map: {patch.ToJsonString(ModelJson.DeepTrees)}");
            }
        }

        if (patch[RetainKeysDirective] is { } retainKeys)
        {
            ApplyRetainKeys(original, patch, retainKeys);
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(original, key[DeleteFromPrimitiveListPrefix.Length..], value);
            }
        }

        foreach (var (key, patchValue) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            var (childShape, metadata, _) = shape.Child(key);
            if (patchValue is null)
            {
                original.Remove(key);
                continue;
            }

            var originalValue = original[key];
            var elementOrder = patch[SetElementOrderPrefix + key] as JsonArray;
            switch (patchValue)
            {
                case JsonObject patchMap when !metadata.Strategy.HasFlag(PatchStrategy.Replace):
                {
                    var target = originalValue as JsonObject ?? new JsonObject();
                    var merged = MergeMap(target, patchMap, childShape);
                    if (merged is null)
                    {
                        original.Remove(key);
                    }
                    else if (!ReferenceEquals(merged, originalValue))
                    {
                        original[key] = merged;
                    }

                    break;
                }

                case JsonArray patchList when metadata.Strategy.HasFlag(PatchStrategy.Merge):
                    original[key] = MergeList(originalValue as JsonArray, patchList, elementOrder, childShape.Element ?? ModelShape.Untyped, metadata, key);
                    break;
                default:
                    original[key] = StripDirectives(patchValue);
                    break;
            }
        }

        // An order directive without a list in the patch still reorders the live list.
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                var field = key[SetElementOrderPrefix.Length..];
                if (!patch.ContainsKey(field) && original[field] is JsonArray live && value is JsonArray order)
                {
                    var (childShape, metadata, _) = shape.Child(field);
                    original[field] = MergeList(live, [], order, childShape.Element ?? ModelShape.Untyped, metadata, field);
                }
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, JsonArray? elementOrder, ModelShape itemShape, FieldPatchMetadata metadata, string field)
    {
        var originalItems = original?.Select(item => item?.DeepClone()).ToList() ?? [];
        var patchItems = patch.Select(item => item?.DeepClone()).ToList();
        var primitive = originalItems.Concat(patchItems).All(item => item is not JsonObject)
            && (elementOrder is null || elementOrder.All(item => item is not JsonObject));
        return primitive
            ? MergePrimitiveList(originalItems, patchItems, elementOrder)
            : MergeListOfMaps(originalItems, patchItems, elementOrder, itemShape, metadata.MergeKey
                ?? throw PatchErrors.BadRequest($"merging an object in json but data type is not struct, instead is: {field}"));
    }

    private static JsonArray MergePrimitiveList(List<JsonNode?> original, List<JsonNode?> patch, JsonArray? elementOrder)
    {
        var merged = new List<JsonNode?>();
        foreach (var item in original.Concat(patch))
        {
            if (!merged.Any(m => JsonNode.DeepEquals(m, item)))
            {
                merged.Add(item);
            }
        }

        var order = elementOrder?.ToList() ?? patch;
        return Ordered(merged, original, order, (a, b) => JsonNode.DeepEquals(a, b));
    }

    private static JsonArray MergeListOfMaps(List<JsonNode?> original, List<JsonNode?> patch, JsonArray? elementOrder, ModelShape itemShape, string mergeKey)
    {
        var items = original.Select(item => item as JsonObject ?? throw NotAMap(item)).ToList();
        var merged = new List<JsonObject>(items);
        var patchOrder = new List<JsonNode?>();
        foreach (var node in patch)
        {
            var item = node as JsonObject ?? throw NotAMap(node);
            var directive = item[PatchDirective] is { } d ? DirectiveValue(d) : null;
            if (directive == "replace")
            {
                // {"$patch": "replace"} as an item: the other items of the patch are the whole list.
                var replacement = patch.OfType<JsonObject>().Where(p => p[PatchDirective] is null)
                    .Select(p => MergeMap(new JsonObject(), p, itemShape)!).ToList();
                return new JsonArray(replacement.Select(JsonNode? (r) => r).ToArray());
            }

            var key = item[mergeKey] ?? throw PatchErrors.BadRequest($"map: {item.ToJsonString(ModelJson.DeepTrees)} does not contain declared merge key: {mergeKey}");
            var index = merged.FindIndex(m => JsonNode.DeepEquals(m[mergeKey], key));
            if (directive == "delete")
            {
                merged.RemoveAll(m => JsonNode.DeepEquals(m[mergeKey], key));
                continue;
            }

            if (directive is not null and not "merge")
            {
                throw PatchErrors.BadRequest($"unknown patch type: {directive} in map: {item.ToJsonString(ModelJson.DeepTrees)}");
            }

            patchOrder.Add(item);
            var result = MergeMap(index >= 0 ? merged[index] : new JsonObject(), item, itemShape);
            if (index >= 0)
            {
                if (result is null)
                {
                    merged.RemoveAt(index);
                }
                else
                {
                    merged[index] = result;
                }
            }
            else if (result is not null)
            {
                merged.Add(result);
            }
        }

        var order = elementOrder?.ToList() ?? patchOrder;
        bool SameKey(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a?[mergeKey], b?[mergeKey]);
        return Ordered(merged.Cast<JsonNode?>().ToList(), items.Cast<JsonNode?>().ToList(), order, SameKey);
    }

    /// <summary>
    /// The API server's element order: items the patch (or its $setElementOrder) names come in that order,
    /// the server-only items keep their live order and are interleaved where the live list had them.
    /// </summary>
    private static JsonArray Ordered(List<JsonNode?> merged, List<JsonNode?> original, List<JsonNode?> order, Func<JsonNode?, JsonNode?, bool> same)
    {
        int IndexIn(List<JsonNode?> list, JsonNode? item) => list.FindIndex(x => same(x, item));
        var named = merged.Where(m => IndexIn(order, m) >= 0).OrderBy(m => IndexIn(order, m)).ToList();
        var serverOnly = merged.Where(m => IndexIn(order, m) < 0).OrderBy(m => IndexIn(original, m) is var i && i < 0 ? int.MaxValue : i).ToList();

        var result = new List<JsonNode?>(merged.Count);
        int left = 0, right = 0;
        while (left < serverOnly.Count || right < named.Count)
        {
            if (left >= serverOnly.Count)
            {
                result.Add(named[right++]);
            }
            else if (right >= named.Count)
            {
                result.Add(serverOnly[left++]);
            }
            else
            {
                var li = IndexIn(original, serverOnly[left]);
                var ri = IndexIn(original, named[right]);
                result.Add(li >= 0 && ri >= 0 && li < ri ? serverOnly[left++] : named[right++]);
            }
        }

        return new JsonArray(result.Select(item => item?.Parent is null ? item : item.DeepClone()).ToArray());
    }

    private static void ApplyRetainKeys(JsonObject original, JsonObject patch, JsonNode retainKeys)
    {
        if (retainKeys is not JsonArray list || list.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw PatchErrors.BadRequest("invalid patch format of retainKeys");
        }

        var keep = list.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (patch.Any(p => p.Value is not null && !p.Key.StartsWith('$') && !keep.Contains(p.Key)))
        {
            throw PatchErrors.BadRequest("invalid patch format of retainKeys");
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    private static void DeleteFromPrimitiveList(JsonObject original, string field, JsonNode? values)
    {
        if (values is not JsonArray toDelete)
        {
            throw PatchErrors.BadRequest("invalid patch format for primitive list");
        }

        if (original[field] is JsonArray live)
        {
            var kept = live.Where(item => !toDelete.Any(d => JsonNode.DeepEquals(d, item))).Select(item => item?.DeepClone()).ToArray();
            original[field] = new JsonArray(kept);
        }
    }

    /// <summary>A patch value taken as it is, minus the directives only the server understands.</summary>
    private static JsonNode? StripDirectives(JsonNode? value) => value switch
    {
        JsonObject map => MergeMap(new JsonObject(), map, ModelShape.Untyped) ?? new JsonObject(),
        JsonArray list => new JsonArray(list.Select(StripDirectives).ToArray()),
        _ => value?.DeepClone(),
    };

    private static JsonObject WithoutKey(JsonObject map, string key)
    {
        var copy = map.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    private static string DirectiveValue(JsonNode directive) =>
        directive is JsonValue v && v.TryGetValue<string>(out var s) ? s : directive.ToJsonString(ModelJson.DeepTrees);

    private static Storage.StoreException NotAMap(JsonNode? item) =>
        PatchErrors.BadRequest($"merging an object in json but data type is not struct, instead is: {item?.ToJsonString(ModelJson.DeepTrees) ?? "null"}");
}
