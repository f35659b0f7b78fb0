using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>The keys and values of a ConfigMap or Secret as the API server stores them.</summary>
public static class ConfigData
{
    public static bool IsConfigKind(string? kind) => kind is ConfigReference.ConfigMap or ConfigReference.Secret;

    /// <summary>True for a Secret: its values are never shown, hashed or logged.</summary>
    public static bool IsSecret(JsonObject obj) => obj["kind"]?.GetValue<string>() == ConfigReference.Secret;

    public static bool IsImmutable(JsonObject obj) => obj["immutable"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>
    /// Every key with its value: a ConfigMap's data (text) and binaryData (bytes); a Secret's data (bytes) with its
    /// stringData written over it, as the API server folds stringData into data.
    /// </summary>
    public static IReadOnlyDictionary<string, ConfigValue> Values(JsonObject obj)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (IsSecret(obj))
        {
            foreach (var (key, value) in Entries(obj, "data"))
            {
                values[key] = ConfigValue.Binary(Bytes(value));
            }

            foreach (var (key, value) in Entries(obj, "stringData"))
            {
                values[key] = ConfigValue.Binary(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty));
            }

            return values;
        }

        foreach (var (key, value) in Entries(obj, "data"))
        {
            values[key] = ConfigValue.Text(value?.GetValue<string>() ?? string.Empty);
        }

        foreach (var (key, value) in Entries(obj, "binaryData"))
        {
            values[key] = ConfigValue.Binary(Bytes(value));
        }

        return values;
    }

    /// <summary>The keys of an object, without reading any value.</summary>
    public static IReadOnlySet<string> Keys(JsonObject obj) =>
        Entries(obj, "data").Concat(Entries(obj, IsSecret(obj) ? "stringData" : "binaryData")).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>A base64 value (as the API writes []byte); a value that is not base64 counts as its own text.</summary>
    internal static byte[] Bytes(JsonNode? base64)
    {
        var text = base64?.GetValue<string>() ?? string.Empty;
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonObject obj, string field) =>
        obj[field] is JsonObject map ? map : [];
}

/// <summary>
/// One value of a ConfigMap or Secret: text (ConfigMap data) or bytes (binaryData, Secret data). It never prints its
/// content: a Secret's value must not reach output through a ToString.
/// </summary>
public sealed class ConfigValue
{
    private ConfigValue(string? text, byte[]? bytes)
    {
        TextValue = text;
        BinaryValue = bytes;
    }

    public string? TextValue { get; }

    public byte[]? BinaryValue { get; }

    public static ConfigValue Text(string text) => new(text, null);

    public static ConfigValue Binary(byte[] bytes) => new(null, bytes);

    public bool SameAs(ConfigValue other) =>
        TextValue is not null ? TextValue == other.TextValue : other.BinaryValue is not null && BinaryValue!.AsSpan().SequenceEqual(other.BinaryValue);

    public override string ToString() => TextValue is not null ? $"({TextValue.Length} characters)" : $"({BinaryValue!.Length} bytes)";
}
