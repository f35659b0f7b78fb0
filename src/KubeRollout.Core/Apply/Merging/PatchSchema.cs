using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// A place in a model type (a Deployment, its pod spec, a container, ...), for looking up the patch rule of each
/// field and the type of its value, as the API machinery looks up struct tags. Free-form values and fields the
/// models do not know have no rules.
/// </summary>
public sealed class PatchSchema
{
    public static readonly PatchSchema Untyped = new(null);

    private readonly Type? _type;

    private PatchSchema(Type? type) => _type = type;

    /// <summary>The schema of an object of a KubernetesClient model type (V1Deployment, V1ConfigMap, ...).</summary>
    public static PatchSchema Of(Type modelType) => new(modelType);

    /// <summary>The rule of a field, and the schema of its value (of its items, for a list).</summary>
    public (FieldPatchRule Rule, PatchSchema Value) Field(string name)
    {
        if (_type is null)
        {
            return (FieldPatchRule.Plain, Untyped);
        }

        if (KubernetesModelTypes.DictionaryValueTypeOf(_type) is { } valueType)
        {
            return (FieldPatchRule.Plain, new PatchSchema(ValueType(valueType)));
        }

        return KubernetesModelTypes.IsModel(_type) && KubernetesModelTypes.PropertiesOf(_type).TryGetValue(name, out var property)
            ? (PatchRules.For(_type, name), new PatchSchema(ValueType(property.PropertyType)))
            : (FieldPatchRule.Plain, Untyped);
    }

    /// <summary>The type a value of this field holds: lists stand for their items, nullables for their values.</summary>
    private static Type ValueType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return KubernetesModelTypes.ListElementTypeOf(type) is { } item ? ValueType(item) : type;
    }
}
