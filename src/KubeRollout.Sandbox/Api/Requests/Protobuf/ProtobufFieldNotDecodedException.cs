namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>A protobuf body sets a field that the sandbox's message tables do not have (<see cref="ProtoMessage"/>).</summary>
internal sealed class ProtobufFieldNotDecodedException(string message, int number)
    : Exception($"field {number} of {message}")
{
    public string MessageName { get; } = message;

    public int Number { get; } = number;
}
