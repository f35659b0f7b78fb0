using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>The field sets of objects and of the differences between two versions, as server-side apply computes them.</summary>
internal static class FieldWalker
{
    /// <summary>
    /// The fields an applied configuration sets: leaves, list items, map entries and empty objects
    /// (fields whose value is an object with fields are recorded through their fields).
    /// </summary>
    public static FieldSet FieldsOf(JsonObject obj, Position root)
    {
        var set = new FieldSet();
        Collect(obj, root, FieldPath.Root, set);
        return set;
    }

    /// <summary>What changed from <paramref name="old"/> to <paramref name="new"/>; added and removed subtrees count every node in them.</summary>
    public static FieldChanges Compare(JsonObject old, JsonObject @new, Position root)
    {
        var changes = new FieldChanges(new FieldSet(), new FieldSet(), new FieldSet());
        CompareNode(old, @new, root, FieldPath.Root, changes);
        return changes;
    }

    private static void Collect(JsonNode? value, Position position, FieldPath path, FieldSet set)
    {
        var kind = position.KindOf(value);
        switch (kind)
        {
            case ValueKind.Granular:
                foreach (var (key, child) in value!.AsObject())
                {
                    var (childPosition, declared) = position.Child(key);
                    var childPath = path.Append(FieldPath.FieldElement(key));
                    Collect(child, childPosition, childPath, set);
                    if (child is null || child is JsonObject { Count: 0 } || !declared)
                    {
                        set.Add(childPath);
                    }
                }

                break;
            case ValueKind.AssociativeList:
            case ValueKind.Set:
                foreach (var item in value!.AsArray())
                {
                    var itemPath = path.Append(position.ItemElement(item, kind));
                    if (kind == ValueKind.AssociativeList)
                    {
                        Collect(item, position.Item, itemPath, set);
                    }

                    set.Add(itemPath);
                }

                break;
            default:
                if (path.Length > 0)
                {
                    set.Add(path);
                }

                break;
        }
    }

    private static void CompareNode(JsonNode? old, JsonNode? @new, Position position, FieldPath path, FieldChanges changes)
    {
        var oldKind = position.KindOf(old);
        var newKind = position.KindOf(@new);
        if (oldKind != newKind || newKind == ValueKind.Leaf)
        {
            if (!JsonNode.DeepEquals(old, @new))
            {
                changes.Modified.Add(path);
            }

            return;
        }

        foreach (var (element, (oldChild, newChild, childPosition)) in Children(old, @new, position, newKind))
        {
            var childPath = path.Append(element);
            if (oldChild.Exists && newChild.Exists)
            {
                CompareNode(oldChild.Value, newChild.Value, childPosition, childPath, changes);
            }
            else if (newChild.Exists)
            {
                AddAll(newChild.Value, childPosition, childPath, changes.Added);
            }
            else
            {
                AddAll(oldChild.Value, childPosition, childPath, changes.Removed);
            }
        }
    }

    private static void AddAll(JsonNode? value, Position position, FieldPath path, FieldSet set)
    {
        set.Add(path);
        var kind = position.KindOf(value);
        if (kind == ValueKind.Leaf)
        {
            return;
        }

        foreach (var (element, (child, _, childPosition)) in Children(value, null, position, kind))
        {
            AddAll(child.Value, childPosition, path.Append(element), set);
        }
    }

    /// <summary>The children of one or two versions of a non-leaf value, matched by path element.</summary>
    private static IEnumerable<KeyValuePair<string, (Slot Left, Slot Right, Position Position)>> Children(JsonNode? left, JsonNode? right, Position position, ValueKind kind)
    {
        var result = new Dictionary<string, (Slot, Slot, Position)>(StringComparer.Ordinal);
        var order = new List<string>();

        void Visit(JsonNode? node, bool isLeft)
        {
            switch (node)
            {
                case JsonObject obj when kind == ValueKind.Granular:
                    foreach (var (key, child) in obj)
                    {
                        Put(FieldPath.FieldElement(key), child, position.Child(key).Child, isLeft);
                    }

                    break;
                case JsonArray array when kind is ValueKind.AssociativeList or ValueKind.Set:
                    foreach (var item in array)
                    {
                        Put(position.ItemElement(item, kind), item, position.Item, isLeft);
                    }

                    break;
            }
        }

        void Put(string element, JsonNode? value, Position childPosition, bool isLeft)
        {
            if (!result.TryGetValue(element, out var entry))
            {
                order.Add(element);
                entry = (Slot.Missing, Slot.Missing, childPosition);
            }

            result[element] = isLeft ? (new Slot(true, value), entry.Item2, childPosition) : (entry.Item1, new Slot(true, value), childPosition);
        }

        Visit(left, isLeft: true);
        Visit(right, isLeft: false);
        return order.Select(e => new KeyValuePair<string, (Slot, Slot, Position)>(e, result[e]));
    }

    private readonly record struct Slot(bool Exists, JsonNode? Value)
    {
        public static readonly Slot Missing = new(false, null);
    }
}

/// <summary>The paths added, removed and changed between two versions of an object.</summary>
internal sealed record FieldChanges(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    public FieldSet Changed => Added.Union(Modified);
}
