namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>A protobuf request body that cannot be read (truncated, wrong wire type, bad envelope).</summary>
internal sealed class ProtobufFormatException(string message) : Exception(message);
