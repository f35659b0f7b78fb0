using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>
/// A path to a field in the managedFields notation: elements <c>f:name</c> (a field or map key),
/// <c>k:{"name":"web"}</c> (an item of an associative list), <c>v:"value"</c> (an item of a set).
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private const char Separator = '\n';

    public static readonly FieldPath Root = new([]);

    private readonly string _key;

    private FieldPath(string[] elements)
    {
        Elements = elements;
        _key = string.Join(Separator, elements);
    }

    public IReadOnlyList<string> Elements { get; }

    public int Length => Elements.Count;

    public FieldPath? Parent => Elements.Count == 0 ? null : new FieldPath(Elements.Take(Elements.Count - 1).ToArray());

    public static string FieldElement(string name) => "f:" + name;

    /// <summary>The element of an associative-list item: its key fields in name order.</summary>
    public static string KeyElement(IEnumerable<KeyValuePair<string, JsonNode?>> keys)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            obj[name] = value?.DeepClone();
        }

        return "k:" + obj.ToJsonString(CompactJson);
    }

    public static string ValueElement(JsonNode? value) => "v:" + (value?.ToJsonString(CompactJson) ?? "null");

    public FieldPath Append(string element) => new([.. Elements, element]);

    public bool StartsWith(FieldPath prefix) =>
        prefix.Length <= Length && prefix.Elements.Select((e, i) => e == Elements[i]).All(same => same);

    /// <summary>How the API names the path in conflict messages: <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var element in Elements)
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    text.Append('.').Append(body);
                    break;
                case 'k':
                    var fields = JsonNode.Parse(body)!.AsObject().Select(p => $"{p.Key}={p.Value?.ToJsonString(CompactJson)}");
                    text.Append('[').Append(string.Join(',', fields)).Append(']');
                    break;
                case 'v':
                    text.Append("[=").Append(body).Append(']');
                    break;
                default:
                    text.Append('[').Append(body).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    public bool Equals(FieldPath? other) => other is not null && other._key == _key;

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);

    internal static readonly JsonSerializerOptions CompactJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
