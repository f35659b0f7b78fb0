using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>The envelope of every protobuf body, from k8s.io/apimachinery/pkg/runtime/generated.proto.</summary>
internal static class RuntimeMessages
{
    public static readonly ProtoMessage TypeMeta = new("TypeMeta",
        String(1, "apiVersion"),
        String(2, "kind"))
    {
        SkipsUnknownFields = true,
    };

    /// <summary>raw holds the typed message named by typeMeta.</summary>
    public static readonly ProtoMessage Unknown = new("Unknown",
        Object(1, "typeMeta", TypeMeta),
        Bytes(2, "raw"),
        String(3, "contentEncoding"),
        String(4, "contentType"))
    {
        SkipsUnknownFields = true,
    };
}
