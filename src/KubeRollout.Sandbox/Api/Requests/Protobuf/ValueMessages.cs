using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Messages whose JSON form is a single value: IntOrString (k8s.io/apimachinery/pkg/util/intstr/generated.proto) and
/// Quantity (k8s.io/apimachinery/pkg/api/resource/generated.proto).
/// </summary>
internal static class ValueMessages
{
    public static readonly ProtoMessage IntOrString = new("IntOrString",
        Int64(1, "type"),
        Int32(2, "intVal"),
        String(3, "strVal"));

    public static readonly ProtoMessage Quantity = new("Quantity",
        String(1, "string"));
}
