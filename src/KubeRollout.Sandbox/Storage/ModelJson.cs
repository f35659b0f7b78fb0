using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace KubeRollout.Sandbox.Storage;

/// <summary>JSON conversions of model objects with KubernetesClient's serializer settings, for any runtime type.</summary>
public static class ModelJson
{
    /// <summary>
    /// KubernetesClient's own options (a copy of the ones <see cref="KubernetesJson"/> uses), so that objects are
    /// written and read as UTF-8 directly, without the UTF-16 string <see cref="KubernetesJson"/> goes through, and
    /// read with their short strings shared (<see cref="SharedStringConverter"/>).
    /// </summary>
    private static readonly JsonSerializerOptions Options = CaptureOptions();

    /// <summary>
    /// For JSON trees built from requests, which may nest deeper than the serializer's default of 64 levels before
    /// the typed decoder refuses them (request bodies are bounded, so this bound is never reached).
    /// </summary>
    public static readonly JsonSerializerOptions DeepTrees = new() { MaxDepth = 1024 };

    public static string Serialize(object obj) => JsonSerializer.Serialize(obj, TypeInfo(obj.GetType()));

    /// <summary>The object's JSON as UTF-8, the same text as <see cref="Serialize"/>.</summary>
    public static byte[] SerializeToUtf8(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, TypeInfo(obj.GetType()));

    /// <summary>Writes the object's JSON as the writer's next value.</summary>
    public static void Write(Utf8JsonWriter writer, object obj) => JsonSerializer.Serialize(writer, obj, TypeInfo(obj.GetType()));

    public static JsonObject ToNode(object obj) => JsonNode.Parse(SerializeToUtf8(obj))!.AsObject();

    public static object FromNode(JsonNode json, Type type) => Deserialize(json.ToJsonString(DeepTrees), type);

    public static object Deserialize(string json, Type type) => Decode(() => JsonSerializer.Deserialize(json, TypeInfo(type))!);

    /// <summary>Reads UTF-8 JSON as <paramref name="type"/>, failing as <see cref="Deserialize(string, Type)"/> does.</summary>
    public static object Deserialize(byte[] utf8Json, Type type) => Decode(() => JsonSerializer.Deserialize(utf8Json, TypeInfo(type))!);

    private static JsonTypeInfo TypeInfo(Type type) => Options.GetTypeInfo(type);

    private static object Decode(Func<object> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            // A value the model's converters cannot read (a timestamp that is no RFC 3339 time, a quantity that
            // does not parse): a decoding error of the client's JSON like any other.
            throw new JsonException(e.Message, e);
        }
    }

    private static JsonSerializerOptions CaptureOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        var options = new JsonSerializerOptions(captured!);
        options.Converters.Insert(0, new SharedStringConverter());
        options.MakeReadOnly();
        return options;
    }
}
