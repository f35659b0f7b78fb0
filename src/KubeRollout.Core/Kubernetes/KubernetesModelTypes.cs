using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeRollout.Core.Kubernetes;

/// <summary>
/// The typed models of KubernetesClient, found by apiVersion and kind, and their JSON properties.
/// Lets manifests of any built-in kind be read strictly (unknown fields are errors, as with kubectl's validation).
/// </summary>
public static class KubernetesModelTypes
{
    private static readonly Lazy<IReadOnlyDictionary<(string ApiVersion, string Kind), Type>> ByApiVersionAndKind = new(ScanModels);
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertiesByType = new();

    /// <summary>The model type for an apiVersion ("v1", "apps/v1") and kind, or null when unknown.</summary>
    public static Type? Find(string apiVersion, string kind) =>
        ByApiVersionAndKind.Value.TryGetValue((apiVersion, kind), out var type) ? type : null;

    /// <summary>The apiVersions that know a kind, to suggest the right one when the given one is wrong.</summary>
    public static IEnumerable<string> ApiVersionsOf(string kind) =>
        ByApiVersionAndKind.Value.Keys.Where(k => k.Kind == kind).Select(k => k.ApiVersion).OrderBy(v => v, StringComparer.Ordinal);

    /// <summary>The JSON-named properties of a model type.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> PropertiesOf(Type modelType) =>
        PropertiesByType.GetOrAdd(modelType, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.Property, StringComparer.Ordinal));

    /// <summary>True for the generated model classes (objects with a fixed set of fields).</summary>
    public static bool IsModel(Type type) => type.Namespace == typeof(V1ObjectMeta).Namespace && type.IsClass;

    /// <summary>The value type of a dictionary type (labels, data, ...), or null when the type is not a dictionary.</summary>
    public static Type? DictionaryValueTypeOf(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    /// <summary>The item type of a list type, or null when the type is not a list (strings, bytes and dictionaries are not).</summary>
    public static Type? ListElementTypeOf(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[]) || !typeof(IEnumerable).IsAssignableFrom(type) || DictionaryValueTypeOf(type) is not null)
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static IReadOnlyDictionary<(string, string), Type> ScanModels()
    {
        var map = new Dictionary<(string, string), Type>();
        foreach (var type in typeof(V1ObjectMeta).Assembly.GetExportedTypes())
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || string.IsNullOrEmpty(entity.Kind) || type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                continue;
            }

            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            map.TryAdd((apiVersion, entity.Kind), type);
        }

        return map;
    }
}
