using System.Text.Json;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Storage;
using ApplyListType = KubeRollout.Sandbox.Patching.Schema.ApplyListType;
using FieldPatchMetadata = KubeRollout.Sandbox.Patching.Schema.FieldPatchMetadata;
using PatchMetadataTable = KubeRollout.Sandbox.Patching.Schema.PatchMetadataTable;
using PatchStrategy = KubeRollout.Sandbox.Patching.Schema.PatchStrategy;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>Writes OpenAPI v3 component schemas of model types, generated from their <see cref="ModelShape"/>.</summary>
internal static class SchemaWriter
{
    /// <summary>Where OpenAPI v3 keeps its schemas.</summary>
    public const string V3References = "#/components/schemas/";

    /// <summary>Where Swagger 2.0 keeps them.</summary>
    public const string V2References = "#/definitions/";

    /// <param name="references">Where the document keeps its schemas: <see cref="V3References"/> or <see cref="V2References"/>.</param>
    public static void WriteComponent(Utf8JsonWriter w, Type type, IReadOnlyList<(string Group, string Version, string Kind)> kinds, string references)
    {
        var shape = ModelShape.Of(type);
        w.WriteStartObject();
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var (name, field) in shape.Fields)
        {
            w.WritePropertyName(name);
            WriteProperty(w, PatchMetadataTable.For(type, name), field.Shape, references);
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

    /// <summary>
    /// A property with its patch metadata as the real documents carry it: kubectl's client-side apply builds its
    /// strategic merge patches from these extensions (without them, lists such as containers look atomic and every
    /// apply would send them whole).
    /// </summary>
    private static void WriteProperty(Utf8JsonWriter w, FieldPatchMetadata metadata, ModelShape shape, string references)
    {
        var strategy = StrategyText(metadata.Strategy);
        var listType = shape.Kind == ShapeKind.List ? metadata.ApplyList switch
        {
            ApplyListType.Map => "map",
            ApplyListType.Set => "set",
            _ => "atomic",
        } : null;
        if (strategy is null && metadata.MergeKey is null && listType is null)
        {
            WriteShape(w, shape, references);
            return;
        }

        w.WriteStartObject();
        if (shape.Kind == ShapeKind.List)
        {
            w.WriteString("type", "array");
            w.WritePropertyName("items");
            WriteShape(w, shape.Element!, references);
        }
        else
        {
            w.WriteStartArray("allOf");
            WriteShape(w, shape, references);
            w.WriteEndArray();
        }

        if (listType is not null)
        {
            w.WriteString("x-kubernetes-list-type", listType);
            if (metadata.ApplyList == ApplyListType.Map && metadata.ApplyKeys.Count > 0)
            {
                w.WriteStartArray("x-kubernetes-list-map-keys");
                foreach (var key in metadata.ApplyKeys)
                {
                    w.WriteStringValue(key);
                }

                w.WriteEndArray();
            }
        }

        if (metadata.MergeKey is not null)
        {
            w.WriteString("x-kubernetes-patch-merge-key", metadata.MergeKey);
        }

        if (strategy is not null)
        {
            w.WriteString("x-kubernetes-patch-strategy", strategy);
        }

        w.WriteEndObject();
    }

    private static string? StrategyText(PatchStrategy strategy)
    {
        var parts = new List<string>();
        if (strategy.HasFlag(PatchStrategy.Merge))
        {
            parts.Add("merge");
        }

        if (strategy.HasFlag(PatchStrategy.RetainKeys))
        {
            parts.Add("retainKeys");
        }

        if (strategy.HasFlag(PatchStrategy.Replace))
        {
            parts.Add("replace");
        }

        return parts.Count == 0 ? null : string.Join(",", parts);
    }

    public static void WriteRef(Utf8JsonWriter w, string name, string references)
    {
        w.WriteStartObject();
        w.WriteString("$ref", references + name);
        w.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter w, ModelShape shape, string references)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Struct:
                WriteRef(w, SchemaNames.For(shape.Model!), references);
                break;
            case ShapeKind.List:
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                WriteShape(w, shape.Element!, references);
                w.WriteEndObject();
                break;
            case ShapeKind.Map:
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WritePropertyName("additionalProperties");
                WriteShape(w, shape.Element!, references);
                w.WriteEndObject();
                break;
            case ShapeKind.Scalar when shape.Scalar == ScalarKind.DateTime:
                WriteRef(w, SchemaNames.Time, references);
                break;
            case ShapeKind.Scalar when shape.Scalar == ScalarKind.IntOrString:
                WriteRef(w, SchemaNames.IntOrString, references);
                break;
            case ShapeKind.Scalar when shape.Scalar == ScalarKind.Quantity:
                WriteRef(w, SchemaNames.Quantity, references);
                break;
            case ShapeKind.Scalar:
                w.WriteStartObject();
                var (type, format) = shape.Scalar switch
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
