using System.Text.Json;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Errors;

/// <summary>
/// Writes a failure as the API server's <c>Status</c> object, field by field in the server's order
/// (KubernetesClient's model cannot serialize V1Status).
/// </summary>
internal static class StatusJson
{
    public static byte[] ToUtf8(StoreException error)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, error);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, StoreException error)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "Status");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("status", "Failure");
        writer.WriteString("message", error.Message);
        writer.WriteString("reason", error.Reason);
        if (error.Details is { } details)
        {
            writer.WriteStartObject("details");
            WriteIfSet(writer, "name", details.Name);
            WriteIfSet(writer, "group", details.Group);
            WriteIfSet(writer, "kind", details.Kind);
            WriteIfSet(writer, "uid", details.Uid);
            if (details.Causes is { Count: > 0 } causes)
            {
                writer.WriteStartArray("causes");
                foreach (var cause in causes)
                {
                    writer.WriteStartObject();
                    WriteIfSet(writer, "reason", cause.Reason);
                    WriteIfSet(writer, "message", cause.Message);
                    WriteIfSet(writer, "field", cause.Field);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (details.RetryAfterSeconds is { } retry)
            {
                writer.WriteNumber("retryAfterSeconds", retry);
            }

            writer.WriteEndObject();
        }

        writer.WriteNumber("code", error.Code);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
