using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeRollout.Sandbox.Api.Requests;

internal sealed class YamlToJsonException(string message) : Exception(message);

/// <summary>
/// Converts one YAML document to JSON the way the API server reads YAML bodies: plain scalars become null, booleans
/// and numbers when they look like them, everything else (and every quoted scalar) a string.
/// </summary>
internal static class YamlToJson
{
    public static byte[] Convert(byte[] yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(new MemoryStream(yaml), Encoding.UTF8);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new YamlToJsonException($"yaml: line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new YamlToJsonException(stream.Documents.Count == 0 ? "yaml: empty document" : "yaml: expected a single document");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents[0].RootNode);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode scalarKey)
                    {
                        throw new YamlToJsonException("yaml: mapping keys must be scalars");
                    }

                    writer.WritePropertyName(scalarKey.Value ?? string.Empty);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new YamlToJsonException("yaml: aliases are not supported");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (LooksLikeFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool LooksLikeFloat(string value) =>
        value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && value.Any(char.IsDigit)
        && value.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');
}
