using System.Text.Json;
using KubeRollout.Sandbox.Api.Schema;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>Writes OpenAPI v3 component schemas of model types, generated from their <see cref="ModelShape"/>.</summary>
internal static class SchemaWriter
{
    public static void WriteComponent(Utf8JsonWriter w, Type type, IReadOnlyList<(string Group, string Version, string Kind)> kinds)
    {
        var shape = (ObjectShape)ModelShape.For(type);
        w.WriteStartObject();
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var (name, propertyType) in shape.Properties)
        {
            w.WritePropertyName(name);
            WriteShape(w, ModelShape.For(propertyType));
        }

        w.WriteEndObject();
        if (kinds.Count > 0)
        {
            w.WriteStartArray("x-kubernetes-group-version-kind");
            foreach (var (group, version, kind) in kinds)
            {
                w.WriteStartObject();
                w.WriteString("group", group);
                w.WriteString("kind", kind);
                w.WriteString("version", version);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>The schemas of the scalar types that are components upstream (Time, IntOrString, Quantity, Patch).</summary>
    public static void WriteScalarComponents(Utf8JsonWriter w)
    {
        w.WriteStartObject(SchemaNames.Time);
        w.WriteString("type", "string");
        w.WriteString("format", "date-time");
        w.WriteEndObject();
        w.WriteStartObject(SchemaNames.IntOrString);
        w.WriteString("type", "string");
        w.WriteString("format", "int-or-string");
        w.WriteBoolean("x-kubernetes-int-or-string", true);
        w.WriteEndObject();
        w.WriteStartObject(SchemaNames.Quantity);
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteStartObject(SchemaNames.Patch);
        w.WriteString("type", "object");
        w.WriteEndObject();
    }

    public static void WriteRef(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject();
        w.WriteString("$ref", $"#/components/schemas/{name}");
        w.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter w, ModelShape shape)
    {
        switch (shape)
        {
            case ObjectShape obj:
                WriteRef(w, SchemaNames.For(obj.Type));
                break;
            case ArrayShape array:
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                WriteShape(w, array.Items);
                w.WriteEndObject();
                break;
            case MapShape map:
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WritePropertyName("additionalProperties");
                WriteShape(w, map.Values);
                w.WriteEndObject();
                break;
            case ScalarShape { Kind: ScalarKind.DateTime }:
                WriteRef(w, SchemaNames.Time);
                break;
            case ScalarShape { Kind: ScalarKind.IntOrString }:
                WriteRef(w, SchemaNames.IntOrString);
                break;
            case ScalarShape { Kind: ScalarKind.Quantity }:
                WriteRef(w, SchemaNames.Quantity);
                break;
            case ScalarShape scalar:
                w.WriteStartObject();
                var (type, format) = scalar.Kind switch
                {
                    ScalarKind.Integer32 => ("integer", "int32"),
                    ScalarKind.Integer64 => ("integer", "int64"),
                    ScalarKind.Number => ("number", "double"),
                    ScalarKind.Boolean => ("boolean", null),
                    ScalarKind.Bytes => ("string", "byte"),
                    _ => ("string", (string?)null),
                };
                w.WriteString("type", type);
                if (format is not null)
                {
                    w.WriteString("format", format);
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WriteBoolean("x-kubernetes-preserve-unknown-fields", true);
                w.WriteEndObject();
                break;
        }
    }

    public static (string Group, string Version, string Kind) Gvk(ResourceType resource) => (resource.Group, resource.Version, resource.Kind);
}
