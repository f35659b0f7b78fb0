namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>What a field holds, and so which JSON value it becomes.</summary>
internal enum ProtoValueType
{
    String,

    /// <summary>Bytes, written to JSON as base64 (Secret data).</summary>
    Bytes,
    Int32,
    Int64,
    Bool,

    /// <summary>An embedded message described by a <see cref="ProtoMessage"/>.</summary>
    Message,

    /// <summary>meta/v1 Time (seconds, nanos): an RFC 3339 string, left out when zero as Go's JSON writes null.</summary>
    Time,

    /// <summary>util/intstr IntOrString (type, intVal, strVal): a JSON number or string.</summary>
    IntOrString,

    /// <summary>api/resource Quantity (its string): a JSON string such as "500m".</summary>
    Quantity,

    /// <summary>
    /// A field the server does not take from a request, whatever it holds: an object's status (reset on create and
    /// by every update of the main resource) and metadata.managedFields (the server's own record).
    /// </summary>
    Ignored,
}
