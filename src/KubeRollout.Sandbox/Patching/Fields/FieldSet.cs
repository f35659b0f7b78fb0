using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>A set of field paths, as a managedFields entry records them (fieldsV1).</summary>
public sealed class FieldSet
{
    private const string SelfMarker = ".";

    private readonly HashSet<FieldPath> _paths;

    public FieldSet()
        : this([])
    {
    }

    public FieldSet(IEnumerable<FieldPath> paths)
    {
        _paths = [.. paths];
    }

    public IReadOnlyCollection<FieldPath> Paths => _paths;

    public bool IsEmpty => _paths.Count == 0;

    public bool Contains(FieldPath path) => _paths.Contains(path);

    public void Add(FieldPath path) => _paths.Add(path);

    public FieldSet Union(FieldSet other) => new(_paths.Concat(other._paths));

    public FieldSet Except(FieldSet other) => new(_paths.Where(p => !other._paths.Contains(p)));

    public FieldSet Intersect(FieldSet other) => new(_paths.Where(other._paths.Contains));

    /// <summary>The paths and every ancestor of them (the fields a path lives in).</summary>
    public FieldSet WithAncestors()
    {
        var result = new FieldSet();
        foreach (var path in _paths)
        {
            for (var p = path; p is not null && p.Length > 0; p = p.Parent)
            {
                result.Add(p);
            }
        }

        return result;
    }

    /// <summary>Reads the fieldsV1 tree: every key is a path element, <c>".": {}</c> and <c>{}</c> mark members.</summary>
    public static FieldSet FromFieldsV1(JsonNode? fieldsV1)
    {
        var set = new FieldSet();
        if (fieldsV1 is JsonObject root)
        {
            Read(root, FieldPath.Root, set);
        }

        return set;
    }

    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in _paths.OrderBy(p => p.Length))
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                if (node[element] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[element] = child;
                }

                node = child;
            }

            // A member with children says so with ".": the children are added after, so mark it now and clean up below.
            node[SelfMarker] = new JsonObject();
        }

        DropRedundantMarkers(root);
        return Sorted(root);
    }

    private static void Read(JsonObject node, FieldPath prefix, FieldSet set)
    {
        foreach (var (key, value) in node)
        {
            if (key == SelfMarker)
            {
                set.Add(prefix);
                continue;
            }

            var path = prefix.Append(key);
            if (value is JsonObject child && child.Count > 0)
            {
                Read(child, path, set);
            }
            else
            {
                set.Add(path);
            }
        }
    }

    /// <summary>A leaf is written <c>{}</c>, not <c>{".": {}}</c>.</summary>
    private static void DropRedundantMarkers(JsonObject node)
    {
        foreach (var (_, value) in node.ToList())
        {
            if (value is JsonObject child)
            {
                if (child.Count == 1 && child.ContainsKey(SelfMarker))
                {
                    child.Remove(SelfMarker);
                }
                else
                {
                    DropRedundantMarkers(child);
                }
            }
        }
    }

    /// <summary>The API server writes the keys in sorted order, "." first.</summary>
    private static JsonObject Sorted(JsonObject node)
    {
        var result = new JsonObject();
        foreach (var (key, value) in node.OrderBy(p => p.Key == SelfMarker ? string.Empty : p.Key, StringComparer.Ordinal))
        {
            result[key] = value is JsonObject child ? Sorted(child) : value?.DeepClone();
        }

        return result;
    }
}
