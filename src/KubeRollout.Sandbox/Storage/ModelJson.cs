using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace KubeRollout.Sandbox.Storage;

/// <summary>JSON conversions of model objects with KubernetesClient's serializer settings, for any runtime type.</summary>
public static class ModelJson
{
    private static readonly MethodInfo DeserializeDefinition = typeof(KubernetesJson)
        .GetMethod(nameof(KubernetesJson.Deserialize), [typeof(string), typeof(JsonSerializerOptions)])!;

    private static readonly ConcurrentDictionary<Type, MethodInfo> DeserializeByType = new();

    /// <summary>
    /// For JSON trees built from requests, which may nest deeper than the serializer's default of 64 levels before
    /// the typed decoder refuses them (request bodies are bounded, so this bound is never reached).
    /// </summary>
    public static readonly JsonSerializerOptions DeepTrees = new() { MaxDepth = 1024 };

    public static string Serialize(object obj) => KubernetesJson.Serialize(obj);

    public static JsonObject ToNode(object obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();

    public static object FromNode(JsonNode json, Type type) => Deserialize(json.ToJsonString(DeepTrees), type);

    public static object Deserialize(string json, Type type)
    {
        var method = DeserializeByType.GetOrAdd(type, t => DeserializeDefinition.MakeGenericMethod(t));
        try
        {
            return method.Invoke(null, [json, null])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            // A value the model's converters cannot read (a timestamp that is no RFC 3339 time, a quantity that
            // does not parse): a decoding error of the client's JSON like any other.
            throw new JsonException(e.InnerException.Message, e.InnerException);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
