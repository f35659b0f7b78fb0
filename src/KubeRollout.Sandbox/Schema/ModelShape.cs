using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeRollout.Sandbox.Schema;

/// <summary>
/// The JSON shape of a KubernetesClient model type, found by reflection over its properties and their JSON names.
/// Field validation and decode errors walk request bodies along it, the OpenAPI documents are generated from it, and
/// the patch algorithms descend along it (with the patch metadata of each field).
/// </summary>
public sealed class ModelShape
{
    public static readonly ModelShape Untyped = new(ShapeKind.Untyped);

    private static readonly ConcurrentDictionary<Type, ModelShape> ByType = new();
    private static readonly IReadOnlyDictionary<string, ModelField> NoFields = new Dictionary<string, ModelField>();

    private readonly Lazy<IReadOnlyDictionary<string, ModelField>> _fields;

    private ModelShape(ShapeKind kind, ScalarKind scalar = ScalarKind.String, Type? model = null, ModelShape? element = null)
    {
        Kind = kind;
        Scalar = scalar;
        Model = model;
        Element = element;
        _fields = new(() => kind == ShapeKind.Struct ? ReadFields(model!) : NoFields);
    }

    public ShapeKind Kind { get; }

    /// <summary>The kind of a scalar.</summary>
    public ScalarKind Scalar { get; }

    /// <summary>The model class of a struct.</summary>
    public Type? Model { get; }

    /// <summary>The item shape of a list or the value shape of a map.</summary>
    public ModelShape? Element { get; }

    /// <summary>The declared fields of a struct by JSON name, in declaration order; none for other shapes.</summary>
    public IReadOnlyDictionary<string, ModelField> Fields => _fields.Value;

    public static ModelShape Of(Type type) => ByType.GetOrAdd(type, Create);

    /// <summary>The declared field, or null when the model has no such field.</summary>
    public ModelField? Field(string jsonName) => Fields.GetValueOrDefault(jsonName);

    private static ModelShape Create(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || type == typeof(JsonElement))
        {
            return Untyped;
        }

        if (ScalarKindOf(type) is { } scalar)
        {
            return new ModelShape(ShapeKind.Scalar, scalar);
        }

        // Model classes first: some of them are enumerable (lists of items) but are written as objects.
        if (type.IsClass && type.Namespace == typeof(V1ObjectMeta).Namespace)
        {
            return new ModelShape(ShapeKind.Struct, model: type);
        }

        if (Generic(type, typeof(IDictionary<,>)) is { } dictionary)
        {
            return new ModelShape(ShapeKind.Map, element: Of(dictionary.GetGenericArguments()[1]));
        }

        if (type.IsArray)
        {
            return new ModelShape(ShapeKind.List, element: Of(type.GetElementType()!));
        }

        if (Generic(type, typeof(IEnumerable<>)) is { } enumerable)
        {
            return new ModelShape(ShapeKind.List, element: Of(enumerable.GetGenericArguments()[0]));
        }

        return new ModelShape(ShapeKind.Struct, model: type);
    }

    private static ScalarKind? ScalarKindOf(Type type)
    {
        if (type == typeof(string) || type.IsEnum)
        {
            return ScalarKind.String;
        }

        if (type == typeof(int) || type == typeof(short))
        {
            return ScalarKind.Integer32;
        }

        if (type == typeof(long))
        {
            return ScalarKind.Integer64;
        }

        if (type == typeof(bool))
        {
            return ScalarKind.Boolean;
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return ScalarKind.DateTime;
        }

        if (type == typeof(byte[]))
        {
            return ScalarKind.Bytes;
        }

        if (type == typeof(IntOrString))
        {
            return ScalarKind.IntOrString;
        }

        if (type == typeof(ResourceQuantity))
        {
            return ScalarKind.Quantity;
        }

        return type.IsPrimitive || type == typeof(decimal) ? ScalarKind.Number : null;
    }

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static IReadOnlyDictionary<string, ModelField> ReadFields(Type model)
    {
        var fields = new Dictionary<string, ModelField>(StringComparer.Ordinal);
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            fields[name] = new ModelField(name, property.PropertyType);
        }

        return fields;
    }
}
