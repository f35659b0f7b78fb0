namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>The fields of one protobuf message that the sandbox decodes, by field number; others are skipped.</summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<int, ProtoField> _fields;

    public ProtoMessage(string name, params ProtoField[] fields)
    {
        Name = name;
        _fields = fields.ToDictionary(f => f.Number);
    }

    public string Name { get; }

    /// <summary>
    /// Whether fields outside the table are passed over whatever they hold: for the envelope, which is not part of
    /// the object (a value in an object's unknown field is refused rather than lost).
    /// </summary>
    public bool SkipsUnknownFields { get; init; }

    public ProtoField? Field(int number) => _fields.GetValueOrDefault(number);
}
