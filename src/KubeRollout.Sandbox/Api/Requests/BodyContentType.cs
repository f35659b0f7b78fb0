using KubeRollout.Sandbox.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Requests;

internal enum BodyFormat
{
    Json,
    Yaml,
    Protobuf,
    JsonPatch,
    MergePatch,
    StrategicMergePatch,
    ApplyPatch,
}

/// <summary>The media types request bodies may have.</summary>
internal static class BodyContentType
{
    private static readonly string[] ObjectTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

    private static readonly string[] PatchTypes =
    [
        "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml",
    ];

    /// <summary>
    /// JSON, YAML or protobuf for create, update and delete bodies; anything else is 415. A body without a
    /// Content-Type is read with the first serializer, JSON, as the API server does (client-go's scale client sends
    /// its Scale that way).
    /// </summary>
    public static BodyFormat ForObject(HttpRequest request) => MediaType(request) switch
    {
        null or "application/json" => BodyFormat.Json,
        "application/yaml" => BodyFormat.Yaml,
        "application/vnd.kubernetes.protobuf" => BodyFormat.Protobuf,
        var other => throw ApiErrors.UnsupportedMediaType(other, ObjectTypes),
    };

    public static BodyFormat ForPatch(HttpRequest request) => MediaType(request) switch
    {
        "application/json-patch+json" => BodyFormat.JsonPatch,
        "application/merge-patch+json" => BodyFormat.MergePatch,
        "application/strategic-merge-patch+json" => BodyFormat.StrategicMergePatch,
        "application/apply-patch+yaml" or "application/apply-patch+json" => BodyFormat.ApplyPatch,
        var other => throw ApiErrors.UnsupportedMediaType(other, PatchTypes),
    };

    private static string? MediaType(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;
}
