using System.Text.Json;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Responses;

/// <summary>An object reduced to its metadata (<c>meta.k8s.io PartialObjectMetadata</c>).</summary>
internal static class PartialObjectMetadataJson
{
    public static void Write(Utf8JsonWriter writer, IKubernetesObject<V1ObjectMeta> obj, string metaVersion)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "PartialObjectMetadata");
        writer.WriteString("apiVersion", $"meta.k8s.io/{metaVersion}");
        writer.WritePropertyName("metadata");
        writer.WriteRawValue(ModelJson.Serialize(obj.Metadata), skipInputValidation: true);
        writer.WriteEndObject();
    }
}
