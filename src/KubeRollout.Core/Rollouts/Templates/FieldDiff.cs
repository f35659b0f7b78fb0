using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Core.Rollouts.Templates;

/// <summary>
/// The fields that differ between two JSON objects, as dotted paths sorted by name: list items are named by their
/// name (containers, env, volumes), mount path, port or IP, so that <c>spec.containers[web].image</c> reads as what
/// it is; values are given as text.
/// </summary>
public static class FieldDiff
{
    public static IReadOnlyList<TemplateChange> Between(JsonNode? from, JsonNode? to)
    {
        var before = Flatten(from);
        var after = Flatten(to);
        var changes = new List<TemplateChange>();
        foreach (var (field, value) in before)
        {
            if (!after.TryGetValue(field, out var next))
            {
                changes.Add(new(TemplateChangeKind.Removed, field, value, null));
            }
            else if (next != value)
            {
                changes.Add(new(TemplateChangeKind.Changed, field, value, next));
            }
        }

        changes.AddRange(after.Where(p => !before.ContainsKey(p.Key)).Select(p => new TemplateChange(TemplateChangeKind.Added, p.Key, null, p.Value)));
        return changes.OrderBy(c => c.Field, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, string> Flatten(JsonNode? root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, string.Empty, fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> fields)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", fields);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{KeyOf(array[i], i)}]", fields);
                }

                break;
            case null:
                break;
            case JsonObject when path.Length == 0:
                break; // an empty template has no fields
            default:
                fields[path] = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                break;
        }
    }

    private static string KeyOf(JsonNode? item, int index) =>
        item is JsonObject obj
            ? (obj["name"] ?? obj["mountPath"] ?? obj["containerPort"] ?? obj["ip"])?.ToString() ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
