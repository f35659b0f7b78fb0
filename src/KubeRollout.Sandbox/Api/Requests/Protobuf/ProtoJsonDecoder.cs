using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON object Go's encoder would write for the same Go struct, driven by a
/// <see cref="ProtoMessage"/> table. Fields missing from the table are skipped by their wire type.
/// </summary>
internal static class ProtoJsonDecoder
{
    public static JsonObject Decode(WireReader reader, ProtoMessage message)
    {
        var json = new JsonObject();
        Fill(json, reader, message);
        return json;
    }

    /// <summary>Adds the fields of the message to <paramref name="json"/>.</summary>
    public static void Fill(JsonObject json, WireReader reader, ProtoMessage message)
    {
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (message.Field(number) is not { } field)
            {
                // A value in a field the table lacks would be lost without a word: only empty ones are passed over.
                if (message.SkipsUnknownFields)
                {
                    reader.Skip(wireType);
                }
                else if (!reader.SkipEmpty(wireType))
                {
                    throw new ProtobufFieldNotDecodedException(message.Name, number);
                }

                continue;
            }

            if (field.Type == ProtoValueType.Ignored)
            {
                reader.Skip(wireType);
                continue;
            }

            switch (field.Cardinality)
            {
                case ProtoCardinality.Map:
                    Expect(wireType, WireType.LengthDelimited, field);
                    var (key, value) = ReadMapEntry(reader.ReadMessage(), field);
                    Child(json, field.JsonName, () => new JsonObject())[key] = value;
                    break;
                case ProtoCardinality.Repeated:
                    Child(json, field.JsonName, () => new JsonArray()).Add(ReadValue(reader, wireType, field));
                    break;
                case ProtoCardinality.Single when field.Inline:
                    Expect(wireType, WireType.LengthDelimited, field);
                    Fill(json, reader.ReadMessage(), field.Message!);
                    break;
                case ProtoCardinality.Single when field.Type == ProtoValueType.Message:
                    // A message field that appears twice is merged, as protobuf specifies.
                    Expect(wireType, WireType.LengthDelimited, field);
                    Fill(Child(json, field.JsonName, () => new JsonObject()), reader.ReadMessage(), field.Message!);
                    break;
                default:
                    var single = ReadValue(reader, wireType, field);
                    if (single is not null && (field.Explicit || !IsEmptyScalar(field, single)))
                    {
                        json[field.JsonName] = single;
                    }

                    break;
            }
        }
    }

    private static JsonNode? ReadValue(WireReader reader, WireType wireType, ProtoField field)
    {
        switch (field.Type)
        {
            case ProtoValueType.Int32:
                Expect(wireType, WireType.Varint, field);
                return JsonValue.Create(unchecked((int)reader.ReadVarint()));
            case ProtoValueType.Int64:
                Expect(wireType, WireType.Varint, field);
                return JsonValue.Create(unchecked((long)reader.ReadVarint()));
            case ProtoValueType.Bool:
                Expect(wireType, WireType.Varint, field);
                return JsonValue.Create(reader.ReadVarint() != 0);
        }

        Expect(wireType, WireType.LengthDelimited, field);
        return field.Type switch
        {
            ProtoValueType.String => JsonValue.Create(Encoding.UTF8.GetString(reader.ReadBytes())),
            ProtoValueType.Bytes => JsonValue.Create(Convert.ToBase64String(reader.ReadBytes())),
            ProtoValueType.Message => Decode(reader.ReadMessage(), field.Message!),
            ProtoValueType.Time => TimeJson(Decode(reader.ReadMessage(), MetaV1Messages.Time)),
            ProtoValueType.IntOrString => IntOrStringJson(Decode(reader.ReadMessage(), ValueMessages.IntOrString)),
            ProtoValueType.Quantity => QuantityJson(Decode(reader.ReadMessage(), ValueMessages.Quantity)),
            _ => throw new InvalidOperationException($"no decoding for {field.Type}"),
        };
    }

    private static (string Key, JsonNode? Value) ReadMapEntry(WireReader entry, ProtoField field)
    {
        var key = string.Empty;
        JsonNode? value = null;
        var valueField = field with { Number = 2, Cardinality = ProtoCardinality.Single };
        while (!entry.AtEnd)
        {
            var (number, wireType) = entry.ReadTag();
            if (number == 1)
            {
                Expect(wireType, WireType.LengthDelimited, field);
                key = Encoding.UTF8.GetString(entry.ReadBytes());
            }
            else if (number == 2)
            {
                value = ReadValue(entry, wireType, valueField);
            }
            else
            {
                entry.Skip(wireType);
            }
        }

        // An entry without its value holds the value type's empty value.
        return (key, value ?? JsonValue.Create(field.Type == ProtoValueType.Quantity ? "0" : string.Empty));
    }

    /// <summary>meta/v1 Time: whole seconds in RFC 3339, and no value when zero (Go writes null).</summary>
    private static JsonNode? TimeJson(JsonObject time)
    {
        var seconds = time["seconds"]?.GetValue<long>() ?? 0;
        var nanos = time["nanos"]?.GetValue<int>() ?? 0;
        if (seconds == 0 && nanos == 0)
        {
            return null;
        }

        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new ProtobufFormatException($"proto: time seconds {seconds} out of range");
        }

        return JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>util/intstr IntOrString: type 1 is the string, anything else the number.</summary>
    private static JsonNode IntOrStringJson(JsonObject value) =>
        (value["type"]?.GetValue<long>() ?? 0) == 1
            ? JsonValue.Create((string?)value["strVal"] ?? string.Empty)
            : JsonValue.Create(value["intVal"]?.GetValue<int>() ?? 0);

    /// <summary>api/resource Quantity: its canonical string; the empty Quantity is "0".</summary>
    private static JsonNode QuantityJson(JsonObject quantity) => JsonValue.Create((string?)quantity["string"] ?? "0");

    /// <summary>Go's empty string, number or false; IntOrString and Quantity values are written even when zero.</summary>
    private static bool IsEmptyScalar(ProtoField field, JsonNode value)
    {
        if (field.Type is not (ProtoValueType.String or ProtoValueType.Bytes or ProtoValueType.Int32 or ProtoValueType.Int64 or ProtoValueType.Bool))
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => value.ToJsonString() == "0",
            JsonValueKind.False => true,
            _ => false,
        };
    }

    private static T Child<T>(JsonObject parent, string name, Func<T> create)
        where T : JsonNode
    {
        if (parent[name] is T existing)
        {
            return existing;
        }

        var created = create();
        parent[name] = created;
        return created;
    }

    private static void Expect(WireType actual, WireType expected, ProtoField field)
    {
        if (actual != expected)
        {
            throw new ProtobufFormatException($"proto: wrong wireType = {(int)actual} for field {field.JsonName}");
        }
    }
}
