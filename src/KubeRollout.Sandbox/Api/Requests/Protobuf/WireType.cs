namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>The protobuf wire types: they tell how long a field's value is, known or not.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
