using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Tables;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Responses;

/// <summary>Writes API responses: objects, lists (streamed), tables, metadata-only forms and Status failures.</summary>
internal sealed class ResponseWriter(SerializedObjects serialized, TimeProvider clock)
{
    public const string JsonContentType = "application/json";

    /// <summary>How much of a list is buffered before it is pushed to the client.</summary>
    private const int FlushThreshold = 64 * 1024;

    public SerializedObjects Serialized => serialized;

    public static async Task WriteJsonAsync(HttpResponse response, int statusCode, ReadOnlyMemory<byte> json, string contentType = JsonContentType)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json);
    }

    public static Task WriteStatusAsync(HttpResponse response, StoreException error) =>
        WriteJsonAsync(response, error.Code, StatusJson.ToUtf8(error));

    /// <summary>Adds one <c>Warning: 299 - "…"</c> header per message, as the API server reports dropped fields.</summary>
    public static void AddWarnings(HttpResponse response, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            response.Headers.Append("Warning", $"299 - \"{message.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }

    /// <summary>A stored object (or a dry-run result) as JSON.</summary>
    public Task WriteObjectAsync(HttpResponse response, int statusCode, IKubernetesObject<V1ObjectMeta> obj) =>
        WriteJsonAsync(response, statusCode, serialized.Utf8(obj));

    /// <summary>Any other model object (Scale, lists of deleted objects, …), serialized each time.</summary>
    public static Task WriteModelAsync(HttpResponse response, int statusCode, object model) =>
        WriteJsonAsync(response, statusCode, Encoding.UTF8.GetBytes(ModelJson.Serialize(model)));

    /// <summary>One object as the client asked for it: itself, a one-row table, or its metadata.</summary>
    public Task WriteReadAsync(
        HttpResponse response, ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, ResponseFormat format, IncludeObjectPolicy include)
    {
        switch (format.Shape)
        {
            case ResponseShape.Table:
                return WriteWithJsonWriterAsync(response, format.ContentType, writer =>
                    new TableJson(ResourceRegistry.For(resource).Printer, include, format.MetaVersion, serialized)
                        .Write(writer, [obj], ListMetadata.Of(obj), includeColumns: true, clock.GetUtcNow().UtcDateTime));
            case ResponseShape.PartialObjectMetadata:
                return WriteWithJsonWriterAsync(response, format.ContentType, writer => PartialObjectMetadataJson.Write(writer, obj, format.MetaVersion));
            default:
                return WriteObjectAsync(response, StatusCodes.Status200OK, obj);
        }
    }

    /// <summary>A list response; object lists are streamed item by item from their cached JSON.</summary>
    public async Task WriteListAsync(
        HttpResponse response,
        ResourceType resource,
        IReadOnlyList<IKubernetesObject<V1ObjectMeta>> items,
        ListMetadata metadata,
        ResponseFormat format,
        IncludeObjectPolicy include,
        CancellationToken cancellationToken)
    {
        switch (format.Shape)
        {
            case ResponseShape.Table:
                await WriteWithJsonWriterAsync(response, format.ContentType, writer =>
                    new TableJson(ResourceRegistry.For(resource).Printer, include, format.MetaVersion, serialized)
                        .Write(writer, items, metadata, includeColumns: true, clock.GetUtcNow().UtcDateTime));
                return;
            case ResponseShape.PartialObjectMetadata:
                await WriteWithJsonWriterAsync(response, format.ContentType, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", "PartialObjectMetadataList");
                    writer.WriteString("apiVersion", $"meta.k8s.io/{format.MetaVersion}");
                    metadata.Write(writer);
                    writer.WriteStartArray("items");
                    foreach (var item in items)
                    {
                        PartialObjectMetadataJson.Write(writer, item, format.MetaVersion);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        var body = response.BodyWriter;
        var pending = Write(body, $"{{\"kind\":\"{resource.ListKind}\",\"apiVersion\":\"{resource.ApiVersion}\",\"metadata\":{metadata.ToJson()},\"items\":[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                pending += Write(body, ",");
            }

            var json = serialized.Utf8(items[i]);
            body.Write(json);
            pending += json.Length;
            if (pending >= FlushThreshold)
            {
                await body.FlushAsync(cancellationToken);
                pending = 0;
            }
        }

        Write(body, "]}");
        await body.FlushAsync(cancellationToken);
    }

    private static async Task WriteWithJsonWriterAsync(HttpResponse response, string contentType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            write(writer);
        }

        await WriteJsonAsync(response, StatusCodes.Status200OK, buffer.WrittenMemory, contentType);
    }

    private static int Write(IBufferWriter<byte> writer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        writer.Write(bytes);
        return bytes.Length;
    }
}
