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

    public static string Serialize(object obj) => KubernetesJson.Serialize(obj);

    public static JsonObject ToNode(object obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();

    public static object FromNode(JsonNode json, Type type) => Deserialize(json.ToJsonString(), type);

    public static object Deserialize(string json, Type type)
    {
        var method = DeserializeByType.GetOrAdd(type, t => DeserializeDefinition.MakeGenericMethod(t));
        try
        {
            return method.Invoke(null, [json, null])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
