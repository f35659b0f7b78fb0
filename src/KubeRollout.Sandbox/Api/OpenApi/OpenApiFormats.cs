namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>The media types /openapi/v2 is served in, chosen by the client's first acceptable one.</summary>
internal static class OpenApiFormats
{
    /// <summary>What the protobuf form is answered as, whichever spelling was asked for (Go's mime parser refuses the "@").</summary>
    public const string ProtobufContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    /// <summary>The spellings clients ask with: client-go still sends the deprecated one with "@".</summary>
    private static readonly string[] ProtobufTypes = ["application/com.github.proto-openapi.spec.v2@v1.0+protobuf", ProtobufContentType];

    public static bool WantsProtobuf(string? accept) =>
        MediaTypes(accept).FirstOrDefault(t => ProtobufTypes.Contains(t) || IsJson(t)) is { } first && ProtobufTypes.Contains(first);

    public static bool AcceptsJson(string? accept) => string.IsNullOrWhiteSpace(accept) || MediaTypes(accept).Any(IsJson);

    private static bool IsJson(string mediaType) => mediaType is "application/json" or "*/*" or "application/*";

    private static IEnumerable<string> MediaTypes(string? accept) =>
        (accept ?? string.Empty).Split(',').Select(range => range.Split(';')[0].Trim().ToLowerInvariant()).Where(t => t.Length > 0);
}
