using System.Buffers;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// One line of the journal (and of a snapshot): a committed object, or a deletion, with the resourceVersion of the
/// commit and the simulated time it happened at.
/// <code>{"rv":42,"t":"2026-…Z","r":"deployments.apps","ns":"default","n":"web","o":{…}}</code>
/// A deletion has no "o". Lines are newline-terminated JSON; a line cut short by a crash is not valid JSON.
/// </summary>
internal sealed record JournalEntry(long ResourceVersion, DateTime Time, string Resource, string? Namespace, string Name, string? ObjectJson)
{
    public bool IsDeletion => ObjectJson is null;

    public static byte[] Encode(long resourceVersion, DateTime time, ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, bool deleted)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("rv", resourceVersion);
            writer.WriteString("t", time);
            writer.WriteString("r", resource.QualifiedName);
            if (obj.Metadata.NamespaceProperty is { } ns)
            {
                writer.WriteString("ns", ns);
            }

            writer.WriteString("n", obj.Metadata.Name);
            if (!deleted)
            {
                writer.WritePropertyName("o");
                writer.WriteRawValue(ModelJson.Serialize(obj), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The first line of a snapshot: the version it reflects (an entry of no object).</summary>
    public static byte[] EncodeVersion(long resourceVersion, DateTime time)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("rv", resourceVersion);
            writer.WriteString("t", time);
            writer.WriteString("r", string.Empty);
            writer.WriteString("n", string.Empty);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The entry of one line, or null when the line is not a whole entry (the torn tail of a crash).</summary>
    public static JournalEntry? Decode(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            return new JournalEntry(
                root.GetProperty("rv").GetInt64(),
                root.TryGetProperty("t", out var time) ? time.GetDateTime() : DateTime.MinValue,
                root.GetProperty("r").GetString()!,
                root.TryGetProperty("ns", out var ns) ? ns.GetString() : null,
                root.GetProperty("n").GetString()!,
                root.TryGetProperty("o", out var obj) ? obj.GetRawText() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
