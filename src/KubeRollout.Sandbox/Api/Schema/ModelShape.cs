using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeRollout.Sandbox.Api.Schema;

internal enum ScalarKind
{
    String,
    Integer32,
    Integer64,
    Number,
    Boolean,
    DateTime,
    Bytes,
    IntOrString,
    Quantity,
}

/// <summary>
/// The JSON shape of a KubernetesClient model type, found by reflection over its properties and their JSON names.
/// Field validation walks request bodies along it; the OpenAPI documents are generated from it.
/// </summary>
internal abstract class ModelShape
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();

    public static ModelShape For(Type type) => Cache.GetOrAdd(type, Create);

    private static ModelShape Create(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new ScalarShape(ScalarKind.String);
        }

        if (type == typeof(int) || type == typeof(short))
        {
            return new ScalarShape(ScalarKind.Integer32);
        }

        if (type == typeof(long))
        {
            return new ScalarShape(ScalarKind.Integer64);
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new ScalarShape(ScalarKind.Number);
        }

        if (type == typeof(bool))
        {
            return new ScalarShape(ScalarKind.Boolean);
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new ScalarShape(ScalarKind.DateTime);
        }

        if (type == typeof(byte[]))
        {
            return new ScalarShape(ScalarKind.Bytes);
        }

        if (type == typeof(IntOrString))
        {
            return new ScalarShape(ScalarKind.IntOrString);
        }

        if (type == typeof(ResourceQuantity))
        {
            return new ScalarShape(ScalarKind.Quantity);
        }

        if (type == typeof(object) || type == typeof(JsonElement))
        {
            return AnyShape.Instance; // RawExtension and friends: any JSON is allowed
        }

        if (type.IsClass && type.Namespace == typeof(V1ObjectMeta).Namespace)
        {
            return new ObjectShape(type);
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new MapShape(valueType);
        }

        if (ListItemType(type) is { } itemType)
        {
            return new ArrayShape(itemType);
        }

        return new ObjectShape(type);
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary is not null && dictionary.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
    }

    private static Type? ListItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}

internal sealed class ScalarShape(ScalarKind kind) : ModelShape
{
    public ScalarKind Kind { get; } = kind;
}

/// <summary>A place where any JSON value is accepted (x-kubernetes-preserve-unknown-fields).</summary>
internal sealed class AnyShape : ModelShape
{
    public static readonly AnyShape Instance = new();
}

internal sealed class ArrayShape(Type itemType) : ModelShape
{
    public Type ItemType { get; } = itemType;

    public ModelShape Items => For(ItemType);
}

/// <summary>A map with free keys (labels, annotations, data, …) whose values have one shape.</summary>
internal sealed class MapShape(Type valueType) : ModelShape
{
    public Type ValueType { get; } = valueType;

    public ModelShape Values => For(ValueType);
}

internal sealed class ObjectShape : ModelShape
{
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _properties;

    public ObjectShape(Type type)
    {
        Type = type;
        _properties = new Lazy<IReadOnlyDictionary<string, Type>>(() => ReadProperties(type));
    }

    public Type Type { get; }

    /// <summary>JSON property name → CLR type of the property, in declaration order.</summary>
    public IReadOnlyDictionary<string, Type> Properties => _properties.Value;

    public ModelShape? Property(string jsonName) => Properties.TryGetValue(jsonName, out var type) ? For(type) : null;

    private static IReadOnlyDictionary<string, Type> ReadProperties(Type type)
    {
        var properties = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            properties[name] = property.PropertyType;
        }

        return properties;
    }
}
