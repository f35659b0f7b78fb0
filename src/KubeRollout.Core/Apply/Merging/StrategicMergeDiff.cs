using System.Text.Json.Nodes;
using static KubeRollout.Core.Apply.Merging.PatchDirectives;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// The diff half of strategic merge patch: the patch that turns one configuration into another, for the field
/// rules of a schema. A three-way apply takes two of them: the additions and changes from the live object to the
/// new configuration (no deletions), and the deletions from the last applied configuration to the new one (nothing
/// else), so that only what was applied before and is no longer configured is removed.
/// </summary>
internal static class StrategicMergeDiff
{
    /// <summary>What the new configuration adds or changes compared to <paramref name="current"/>; nothing is deleted.</summary>
    public static JsonObject ChangesAndAdditions(JsonObject current, JsonObject modified, PatchSchema schema) =>
        DiffMaps(current, modified, schema, new Options(IgnoreChangesAndAdditions: false, IgnoreDeletions: true, BuildRetainKeys: false));

    /// <summary>What <paramref name="original"/> has and the new configuration no longer has; nothing else.</summary>
    public static JsonObject Deletions(JsonObject original, JsonObject modified, PatchSchema schema) =>
        DiffMaps(original, modified, schema, new Options(IgnoreChangesAndAdditions: true, IgnoreDeletions: false, BuildRetainKeys: false));

    /// <summary>Everything that differs: changes, additions and deletions.</summary>
    public static JsonObject Between(JsonObject original, JsonObject modified, PatchSchema schema) =>
        DiffMaps(original, modified, schema, new Options(IgnoreChangesAndAdditions: false, IgnoreDeletions: false, BuildRetainKeys: false));

    private static JsonObject DiffMaps(JsonObject original, JsonObject modified, PatchSchema schema, Options options)
    {
        var patch = new JsonObject();
        var retained = new List<string>();
        foreach (var (key, modifiedValue) in modified)
        {
            if (options.BuildRetainKeys && modifiedValue is not null)
            {
                retained.Add(key);
            }

            if (!original.TryGetPropertyValue(key, out var originalValue))
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    patch[key] = Clone(modifiedValue);
                }

                continue;
            }

            if (key == Marker)
            {
                if (Text(originalValue) != Text(modifiedValue))
                {
                    patch[key] = Clone(modifiedValue);
                }

                continue;
            }

            if (KindOf(originalValue) != KindOf(modifiedValue))
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    patch[key] = Clone(modifiedValue);
                }

                continue;
            }

            switch (originalValue)
            {
                case JsonObject originalMap:
                    DiffMapField(key, originalMap, modifiedValue!.AsObject(), patch, schema, options);
                    break;
                case JsonArray originalList:
                    DiffListField(key, originalList, modifiedValue!.AsArray(), patch, schema, options);
                    break;
                default:
                    ReplaceIfDifferent(key, originalValue, modifiedValue, patch, options);
                    break;
            }
        }

        if (!options.IgnoreDeletions)
        {
            foreach (var (key, _) in original)
            {
                if (!modified.ContainsKey(key))
                {
                    patch[key] = null;
                }
            }
        }

        // $retainKeys goes with a changed object, or with one that holds fields the new configuration drops.
        if (retained.Count > 0 && (patch.Count > 0 || original.Any(p => p.Value is not null && !modified.ContainsKey(p.Key))))
        {
            patch[RetainKeys] = new JsonArray(retained.Order(StringComparer.Ordinal).Select(k => (JsonNode?)k).ToArray());
        }

        return patch;
    }

    private static void DiffMapField(string key, JsonObject original, JsonObject modified, JsonObject patch, PatchSchema schema, Options options)
    {
        var (rule, valueSchema) = schema.Field(key);
        if (rule.Replaces)
        {
            if (!options.IgnoreChangesAndAdditions)
            {
                patch[key] = Clone(modified);
            }

            return;
        }

        var value = DiffMaps(original, modified, valueSchema, options with { BuildRetainKeys = rule.RetainsKeys });
        if (value.Count > 0)
        {
            patch[key] = value;
        }
    }

    private static void DiffListField(string key, JsonArray original, JsonArray modified, JsonObject patch, PatchSchema schema, Options options)
    {
        var (rule, itemSchema) = schema.Field(key);
        if (!rule.MergesList)
        {
            ReplaceIfDifferent(key, original, modified, patch, options);
            return;
        }

        var (changes, deletions, order) = DiffLists(original, modified, itemSchema, rule.MergeKey, options with { BuildRetainKeys = rule.RetainsKeys });
        if (changes.Count > 0)
        {
            patch[key] = changes;
        }

        if (deletions.Count > 0)
        {
            patch[DeleteFromPrimitiveListOf(key)] = deletions;
        }

        if (order.Count > 0)
        {
            patch[SetElementOrderOf(key)] = order;
        }
    }

    private static void ReplaceIfDifferent(string key, JsonNode? original, JsonNode? modified, JsonObject patch, Options options)
    {
        if (!options.IgnoreChangesAndAdditions && !JsonNode.DeepEquals(original, modified))
        {
            patch[key] = Clone(modified);
        }
    }

    /// <summary>The changed and added items, the deleted primitives, and the order the list must end up in.</summary>
    private static (JsonArray Changes, JsonArray Deletions, JsonArray Order) DiffLists(
        JsonArray original, JsonArray modified, PatchSchema itemSchema, string? mergeKey, Options options)
    {
        if (original.Count == 0)
        {
            return modified.Count == 0 || options.IgnoreChangesAndAdditions
                ? ([], [], [])
                : ((JsonArray)modified.DeepClone(), [], []);
        }

        if (!AreObjects(original, modified))
        {
            var (added, deleted) = DiffScalars(original, modified, options);
            var orderNeeded = (!options.IgnoreDeletions && deleted.Count > 0)
                || (!options.IgnoreChangesAndAdditions && !JsonNode.DeepEquals(original, modified));
            return (new JsonArray(ElementOrder.SortBy(added, modified.ToList(), null).ToArray()), new JsonArray(deleted.ToArray()),
                orderNeeded ? (JsonArray)modified.DeepClone() : []);
        }

        var key = mergeKey ?? throw new InvalidPatchException("cannot merge lists without merge key");
        var (changes, deletions) = DiffMapItems(original, modified, itemSchema, key, options);
        var patchList = ElementOrder.SortBy(changes, modified.ToList(), key).Concat(deletions).ToList();
        var orderSame = original.Count == modified.Count
            && original.Zip(modified).All(pair => JsonNode.DeepEquals(MergeKeyOf(pair.First, key), MergeKeyOf(pair.Second, key)));
        var needsOrder = (!options.IgnoreChangesAndAdditions && (patchList.Count > 0 || !orderSame))
            || (!options.IgnoreDeletions && patchList.Count > 0);
        var order = needsOrder
            ? modified.Select(item => (JsonNode?)new JsonObject { [key] = Clone(MergeKeyOf(item, key)) }).ToArray()
            : [];
        return (new JsonArray(patchList.ToArray()), [], new JsonArray(order));
    }

    /// <summary>Items matched by merge key: a matched item contributes its own diff, unmatched ones are added or deleted.</summary>
    private static (List<JsonNode?> Changes, List<JsonNode?> Deletions) DiffMapItems(
        JsonArray original, JsonArray modified, PatchSchema itemSchema, string key, Options options)
    {
        var originalSorted = SortedByKey(original, key);
        var modifiedSorted = SortedByKey(modified, key);
        var changes = new List<JsonNode?>();
        var deletions = new List<JsonNode?>();
        int o = 0, m = 0;
        while (o < originalSorted.Count || m < modifiedSorted.Count)
        {
            var compared = o >= originalSorted.Count ? 1
                : m >= modifiedSorted.Count ? -1
                : string.CompareOrdinal(originalSorted[o].Key, modifiedSorted[m].Key);
            if (compared == 0)
            {
                var change = DiffMaps(originalSorted[o].Item, modifiedSorted[m].Item, itemSchema, options);
                if (change.Count > 0)
                {
                    change[key] = Clone(modifiedSorted[m].Item[key]);
                    changes.Add(change);
                }

                o++;
                m++;
            }
            else if (compared > 0)
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    changes.Add(Clone(modifiedSorted[m].Item));
                }

                m++;
            }
            else
            {
                if (!options.IgnoreDeletions)
                {
                    deletions.Add(new JsonObject { [key] = Clone(originalSorted[o].Item[key]), [Marker] = Delete });
                }

                o++;
            }
        }

        return (changes, deletions);
    }

    private static List<(string Key, JsonObject Item)> SortedByKey(JsonArray list, string key) =>
        list.Select(item => (Key: Text(MergeKeyOf(item, key)), Item: item!.AsObject())).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();

    private static (List<JsonNode?> Added, List<JsonNode?> Deleted) DiffScalars(JsonArray original, JsonArray modified, Options options)
    {
        var originalTexts = original.Select(Text).ToHashSet(StringComparer.Ordinal);
        var modifiedTexts = modified.Select(Text).ToHashSet(StringComparer.Ordinal);
        var added = options.IgnoreChangesAndAdditions ? [] : modified.Where(v => !originalTexts.Contains(Text(v))).OrderBy(Text, StringComparer.Ordinal).Select(Clone).ToList();
        var deleted = options.IgnoreDeletions ? [] : original.Where(v => !modifiedTexts.Contains(Text(v))).DistinctBy(Text).OrderBy(Text, StringComparer.Ordinal).Select(Clone).ToList();
        return (added, deleted);
    }

    private readonly record struct Options(bool IgnoreChangesAndAdditions, bool IgnoreDeletions, bool BuildRetainKeys);
}
