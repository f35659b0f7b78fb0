using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// Reads JSON strings into one shared instance per distinct short value. Stored objects are copied through JSON
/// (clones, requests, the journal), and thousands of pods and Events repeat the same names, labels, images, reasons
/// and condition types: without sharing, every copy holds its own instances of them. Strings are immutable, so
/// sharing them changes nothing but memory. Writing is the serializer's own.
/// </summary>
internal sealed class SharedStringConverter : JsonConverter<string>
{
    /// <summary>Longer values (messages, annotations, manifests) are rarely repeated.</summary>
    private const int MaxSharedLength = 64;

    /// <summary>More distinct values than this start the table afresh, so that unique values cannot make it grow without end.</summary>
    private const int MaxDistinct = 50_000;

    private static readonly SharingTable<string> Shared = new(MaxDistinct);

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Share(reader.GetString()!)
            : throw new JsonException($"The JSON value could not be converted to {typeof(string)}: a {reader.TokenType} is no string.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Share(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Share(string value)
    {
        if (value.Length > MaxSharedLength || IsUnique(value))
        {
            return value;
        }

        return Shared.Share(value, value);
    }

    /// <summary>Uids and resourceVersions: kept by one object each, they would only fill the table.</summary>
    private static bool IsUnique(string value) =>
        (value.Length == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-')
        || (value.Length > 0 && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);
}
