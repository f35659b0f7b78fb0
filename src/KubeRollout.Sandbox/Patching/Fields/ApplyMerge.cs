using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Schema;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>
/// The merge of server-side apply: the configuration's values win; objects merge field by field, associative lists
/// item by item (by key), sets as unions; atomic values are replaced. Removal of fields a manager stopped applying
/// (<see cref="Prune"/>) is a separate step.
/// </summary>
internal static class ApplyMerge
{
    public static JsonNode? Merge(JsonNode? live, JsonNode? config, Position position)
    {
        var kind = position.KindOf(config);
        var liveMatches = live is not null && position.KindOf(live) == kind;
        switch (kind)
        {
            case ValueKind.Granular:
            {
                var result = liveMatches ? live!.DeepClone().AsObject() : new JsonObject();
                foreach (var (key, value) in config!.AsObject())
                {
                    if (value is null)
                    {
                        result.Remove(key);
                        continue;
                    }

                    result[key] = Merge(result[key]?.DeepClone(), value, position.Child(key).Child);
                }

                return result;
            }

            case ValueKind.AssociativeList:
            case ValueKind.Set:
            {
                var items = liveMatches ? live!.AsArray().Select(i => i?.DeepClone()).ToList() : [];
                var elements = items.Select(i => position.ItemElement(i, kind)).ToList();
                foreach (var item in config!.AsArray())
                {
                    var element = position.ItemElement(item, kind);
                    var index = elements.IndexOf(element);
                    var merged = kind == ValueKind.Set ? item?.DeepClone() : Merge(index >= 0 ? items[index] : null, item, position.Item);
                    if (index >= 0)
                    {
                        items[index] = merged;
                    }
                    else
                    {
                        items.Add(merged);
                        elements.Add(element);
                    }
                }

                return new JsonArray(items.ToArray());
            }

            default:
                return config?.DeepClone();
        }
    }

    /// <summary>Removes the fields at <paramref name="paths"/> from <paramref name="obj"/> (in place); maps left empty go too.</summary>
    public static void Prune(JsonObject obj, IEnumerable<FieldPath> paths, Position root)
    {
        foreach (var path in paths.OrderBy(p => p.Length))
        {
            RemoveAt(obj, path, root);
        }
    }

    private static void RemoveAt(JsonObject obj, FieldPath path, Position root)
    {
        var trail = new List<(JsonNode Container, string Element, Position Position)>();
        JsonNode? current = obj;
        var position = root;
        foreach (var element in path.Elements)
        {
            if (current is not { } node)
            {
                return;
            }

            trail.Add((node, element, position));
            (current, position) = Step(node, element, position);
        }

        // Remove the field, then the maps (labels, annotations) that it leaves empty.
        for (var i = trail.Count - 1; i >= 0; i--)
        {
            var (container, element, containerPosition) = trail[i];
            Remove(container, element, containerPosition);
            if (i == 0 || container is not JsonObject { Count: 0 } || containerPosition.Shape.Kind != ShapeKind.Map)
            {
                break;
            }
        }
    }

    private static (JsonNode? Child, Position Position) Step(JsonNode node, string element, Position position)
    {
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            var key = element[2..];
            return node is JsonObject obj ? (obj[key], position.Child(key).Child) : (null, position);
        }

        if (node is JsonArray array)
        {
            var kind = position.KindOf(array);
            var item = array.FirstOrDefault(i => position.ItemElement(i, kind) == element);
            return (item, position.Item);
        }

        return (null, position);
    }

    private static void Remove(JsonNode container, string element, Position position)
    {
        if (container is JsonObject obj && element.StartsWith("f:", StringComparison.Ordinal))
        {
            obj.Remove(element[2..]);
        }
        else if (container is JsonArray array)
        {
            var kind = position.KindOf(array);
            var index = array.Select((item, i) => (item, i)).FirstOrDefault(x => position.ItemElement(x.item, kind) == element, (null, -1)).Item2;
            if (index >= 0)
            {
                array.RemoveAt(index);
            }
        }
    }
}
