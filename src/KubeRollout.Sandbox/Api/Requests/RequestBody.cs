using System.Text.Json;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests.Protobuf;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>
/// A request body read in full and parsed as JSON (YAML and protobuf bodies are converted first). <see cref="Document"/> keeps
/// duplicate keys, which field validation reports; <see cref="ToNode"/> builds a tree where the last duplicate wins,
/// as Go's decoder does.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private RequestBody(byte[] json, JsonDocument document)
    {
        Json = json;
        Document = document;
    }

    public byte[] Json { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > BodyLimits.MaxBytes)
        {
            throw ApiErrors.RequestEntityTooLarge(BodyLimits.MaxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > BodyLimits.MaxBytes)
            {
                throw ApiErrors.RequestEntityTooLarge(BodyLimits.MaxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Parses a JSON body, converting YAML and protobuf bodies to JSON first; failures are reported through
    /// <paramref name="describeError"/>.
    /// </summary>
    public static RequestBody Parse(byte[] bytes, BodyFormat format, Func<string, Exception> describeError)
    {
        byte[] json;
        try
        {
            json = format switch
            {
                BodyFormat.Yaml => YamlToJson.Convert(bytes),
                BodyFormat.Protobuf => ProtobufBody.ToJson(bytes),
                _ => JsonText.AsGoReadsIt(bytes),
            };
        }
        catch (YamlToJsonException e) when (e.TooLarge)
        {
            throw ApiErrors.RequestEntityTooLarge(BodyLimits.MaxExpandedBytes);
        }
        catch (YamlToJsonException e)
        {
            throw describeError(e.Message);
        }
        catch (ProtobufFormatException e)
        {
            throw describeError(e.Message);
        }

        try
        {
            return new RequestBody(json, JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = BodyLimits.MaxDepth }));
        }
        catch (JsonException e)
        {
            throw describeError($"json parse error: {FirstSentence(e.Message)}");
        }
    }

    public System.Text.Json.Nodes.JsonNode? ToNode() => JsonNodes.FromElement(Root);

    /// <summary>At most 30 characters of the body, as the API server quotes bodies it cannot understand.</summary>
    public static string Summarize(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "<empty>";
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 30));
        return bytes.Length > 30 ? text + " ..." : text;
    }

    public void Dispose() => Document.Dispose();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
