using System.Text.Json;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Api.Tables;

/// <summary>Writes <c>meta.k8s.io Table</c> objects: column definitions (optional for watch events after the first) and rows.</summary>
internal sealed class TableJson(ITablePrinter printer, IncludeObjectPolicy include, string metaVersion, SerializedObjects serialized)
{
    public void Write(
        Utf8JsonWriter writer, IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, ListMetadata? list, bool includeColumns, DateTime now)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", $"meta.k8s.io/{metaVersion}");
        writer.WriteStartObject("metadata");
        list?.WriteFields(writer);
        writer.WriteEndObject();
        if (includeColumns)
        {
            WriteColumns(writer);
        }
        else
        {
            writer.WriteNull("columnDefinitions");
        }

        writer.WriteStartArray("rows");
        foreach (var obj in objects)
        {
            WriteRow(writer, obj, now);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteColumns(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("columnDefinitions");
        foreach (var column in printer.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteString("format", column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void WriteRow(Utf8JsonWriter writer, IKubernetesObject<V1ObjectMeta> obj, DateTime now)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("cells");
        foreach (var cell in printer.Cells(obj, now))
        {
            switch (cell)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                default:
                    writer.WriteStringValue(cell.ToString());
                    break;
            }
        }

        writer.WriteEndArray();
        switch (include)
        {
            case IncludeObjectPolicy.Metadata:
                writer.WritePropertyName("object");
                PartialObjectMetadataJson.Write(writer, obj, metaVersion);
                break;
            case IncludeObjectPolicy.Object:
                writer.WritePropertyName("object");
                writer.WriteRawValue(serialized.Utf8(obj), skipInputValidation: true);
                break;
        }

        writer.WriteEndObject();
    }
}
