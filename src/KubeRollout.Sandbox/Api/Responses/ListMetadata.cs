using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Api.Responses;

/// <summary>The metadata of a list: its resourceVersion and, for a page of a longer list, how to continue.</summary>
internal sealed record ListMetadata(long ResourceVersion, string? Continue = null, long? RemainingItemCount = null)
{
    /// <summary>The metadata of a table of one object: that object's resourceVersion.</summary>
    public static ListMetadata? Of(IKubernetesObject<V1ObjectMeta> obj) =>
        long.TryParse(obj.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? new ListMetadata(version) : null;

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("metadata");
        WriteFields(writer);
        writer.WriteEndObject();
    }

    /// <summary>The fields inside the metadata object (for writers that open it themselves).</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceVersion", ResourceVersion.ToString(CultureInfo.InvariantCulture));
        if (Continue is not null)
        {
            writer.WriteString("continue", Continue);
        }

        if (RemainingItemCount is { } remaining)
        {
            writer.WriteNumber("remainingItemCount", remaining);
        }
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteFields(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
