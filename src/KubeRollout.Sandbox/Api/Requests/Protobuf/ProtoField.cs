namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

internal enum ProtoCardinality
{
    Single,
    Repeated,

    /// <summary>map&lt;string, V&gt;: repeated entries with key = 1 and value = 2.</summary>
    Map,
}

/// <summary>
/// One field of a message table: its number in generated.proto, its JSON name and what it holds.
/// <see cref="Explicit"/> marks Go pointer fields: go-to-protobuf writes them only when set, so a zero value there was
/// meant (replicas: 0); other zero scalars are Go's empty values and are left out, as the JSON encoder's omitempty does.
/// <see cref="Inline"/> marks embedded Go structs whose fields JSON lifts into the parent (LocalObjectReference).
/// </summary>
internal sealed record ProtoField(
    int Number,
    string JsonName,
    ProtoValueType Type,
    ProtoCardinality Cardinality = ProtoCardinality.Single,
    ProtoMessage? Message = null,
    bool Explicit = false,
    bool Inline = false)
{
    public static ProtoField String(int number, string jsonName, bool @explicit = false) => new(number, jsonName, ProtoValueType.String, Explicit: @explicit);

    public static ProtoField Bytes(int number, string jsonName) => new(number, jsonName, ProtoValueType.Bytes);

    public static ProtoField Int32(int number, string jsonName, bool @explicit = false) => new(number, jsonName, ProtoValueType.Int32, Explicit: @explicit);

    public static ProtoField Int64(int number, string jsonName, bool @explicit = false) => new(number, jsonName, ProtoValueType.Int64, Explicit: @explicit);

    public static ProtoField Bool(int number, string jsonName, bool @explicit = false) => new(number, jsonName, ProtoValueType.Bool, Explicit: @explicit);

    public static ProtoField Time(int number, string jsonName) => new(number, jsonName, ProtoValueType.Time);

    public static ProtoField IntOrString(int number, string jsonName) => new(number, jsonName, ProtoValueType.IntOrString);

    public static ProtoField Quantity(int number, string jsonName) => new(number, jsonName, ProtoValueType.Quantity);

    public static ProtoField Strings(int number, string jsonName) => new(number, jsonName, ProtoValueType.String, ProtoCardinality.Repeated);

    public static ProtoField Object(int number, string jsonName, ProtoMessage message) => new(number, jsonName, ProtoValueType.Message, Message: message);

    public static ProtoField Embedded(int number, ProtoMessage message) => new(number, message.Name, ProtoValueType.Message, Message: message, Inline: true);

    public static ProtoField Objects(int number, string jsonName, ProtoMessage message) =>
        new(number, jsonName, ProtoValueType.Message, ProtoCardinality.Repeated, message);

    public static ProtoField Map(int number, string jsonName, ProtoValueType valueType) => new(number, jsonName, valueType, ProtoCardinality.Map);

    public static ProtoField Ignored(int number, string jsonName) => new(number, jsonName, ProtoValueType.Ignored);
}
