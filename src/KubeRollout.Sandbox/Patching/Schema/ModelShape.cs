using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KubeRollout.Sandbox.Patching.Schema;

/// <summary>What a JSON value of a model position is: the walkers of the patch algorithms descend along it.</summary>
public enum ShapeKind
{
    /// <summary>Strings, numbers, booleans, times, quantities, int-or-string.</summary>
    Scalar,

    /// <summary>An object with declared fields (a model class).</summary>
    Struct,

    /// <summary>An object with arbitrary keys (labels, data, resources.limits).</summary>
    Map,

    List,

    /// <summary>A value without a schema (raw extensions, fieldsV1, fields the model does not know): merged as JSON.</summary>
    Untyped,
}

/// <summary>
/// The shape of a JSON position derived from the KubernetesClient model types, with each field's patch metadata.
/// </summary>
public sealed class ModelShape
{
    public static readonly ModelShape Untyped = new(ShapeKind.Untyped, null, null);
    public static readonly ModelShape Scalar = new(ShapeKind.Scalar, null, null);

    private static readonly ConcurrentDictionary<Type, ModelShape> ByType = new();

    private readonly Lazy<IReadOnlyDictionary<string, ModelField>> _fields;

    private ModelShape(ShapeKind kind, Type? model, ModelShape? element)
    {
        Kind = kind;
        Model = model;
        Element = element;
        _fields = new(() => kind == ShapeKind.Struct ? ReadFields(model!) : new Dictionary<string, ModelField>());
    }

    public ShapeKind Kind { get; }

    /// <summary>The model class of a struct.</summary>
    public Type? Model { get; }

    /// <summary>The item shape of a list or the value shape of a map.</summary>
    public ModelShape? Element { get; }

    /// <summary>Server-side apply owns the whole value (atomic struct).</summary>
    public bool IsAtomicStruct => Kind == ShapeKind.Struct && PatchMetadataTable.IsAtomicStruct(Model!);

    public static ModelShape Of(Type type) => ByType.GetOrAdd(type, Create);

    /// <summary>The declared field, or null when the model has no such field.</summary>
    public ModelField? Field(string jsonName) => _fields.Value.GetValueOrDefault(jsonName);

    /// <summary>The shape of the value under <paramref name="key"/> of an object of this shape.</summary>
    public (ModelShape Shape, FieldPatchMetadata Metadata, bool IsDeclaredField) Child(string key) => Kind switch
    {
        ShapeKind.Struct when Field(key) is { } field => (field.Shape, field.Metadata, true),
        ShapeKind.Map => (Element!, FieldPatchMetadata.Default, false),
        _ => (Untyped, FieldPatchMetadata.Default, false),
    };

    private static ModelShape Create(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(object))
        {
            return Untyped;
        }

        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(byte[])
            || underlying == typeof(k8s.Models.IntOrString) || underlying == typeof(k8s.Models.ResourceQuantity))
        {
            return Scalar;
        }

        if (Generic(underlying, typeof(IDictionary<,>)) is { } dictionary)
        {
            return new ModelShape(ShapeKind.Map, null, Of(dictionary.GetGenericArguments()[1]));
        }

        if (Generic(underlying, typeof(IList<>)) is { } list)
        {
            return new ModelShape(ShapeKind.List, null, Of(list.GetGenericArguments()[0]));
        }

        return new ModelShape(ShapeKind.Struct, underlying, null);
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
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null)
            {
                continue;
            }

            fields[name] = new ModelField(name, Of(property.PropertyType), PatchMetadataTable.For(model, name));
        }

        return fields;
    }
}

/// <summary>A declared field of a model class.</summary>
public sealed record ModelField(string JsonName, ModelShape Shape, FieldPatchMetadata Metadata);
