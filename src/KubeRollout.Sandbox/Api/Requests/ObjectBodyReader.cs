using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Validation;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>A decoded request object with the field problems found in it (sent back as warnings under Warn).</summary>
internal sealed record DecodedObject(object Model, JsonObject Json, IReadOnlyList<string> Warnings)
{
    public IKubernetesObject<V1ObjectMeta> AsKubernetesObject()
    {
        var obj = (IKubernetesObject<V1ObjectMeta>)Model;
        obj.Metadata ??= new V1ObjectMeta();
        return obj;
    }
}

/// <summary>
/// Reads the object body of a create or update like the API server's decoder: JSON, YAML or protobuf, apiVersion and kind
/// defaulted from the URL and checked, unknown and duplicate fields handled by the fieldValidation directive,
/// errors as 400 BadRequest with the server's wording.
/// </summary>
internal static class ObjectBodyReader
{
    public static async Task<DecodedObject> ReadAsync(
        HttpRequest request, string expectedApiVersion, string expectedKind, Type modelType, FieldValidationDirective validation, CancellationToken cancellationToken)
    {
        var format = BodyContentType.ForObject(request);
        var bytes = await RequestBody.ReadBytesAsync(request, cancellationToken);
        return Decode(bytes, format, expectedApiVersion, expectedKind, modelType, validation);
    }

    public static DecodedObject Decode(
        byte[] bytes, BodyFormat format, string expectedApiVersion, string expectedKind, Type modelType, FieldValidationDirective validation)
    {
        using var body = RequestBody.Parse(bytes, format, error =>
            ApiErrors.BadRequest($"the object provided is unrecognized (must be of type {expectedKind}): couldn't get version/kind; {error} ({RequestBody.Summarize(bytes)})"));
        var root = body.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiErrors.BadRequest(
                $"the object provided is unrecognized (must be of type {expectedKind}): couldn't get version/kind; json parse error: json: cannot unmarshal {root.ValueKind.ToString().ToLowerInvariant()} into Go value of type struct {{ APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }} ({RequestBody.Summarize(bytes)})");
        }

        var apiVersion = StringProperty(root, "apiVersion", expectedKind, bytes) ?? expectedApiVersion;
        var kind = StringProperty(root, "kind", expectedKind, bytes) ?? expectedKind;
        var version = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : apiVersion;
        var prefix = $"{kind} in version \"{version}\" cannot be handled as a {expectedKind}";
        KindCheck.Verify(apiVersion, kind, expectedApiVersion, expectedKind);

        var problems = validation == FieldValidationDirective.Ignore ? [] : FieldValidator.Check(root, modelType);
        if (validation == FieldValidationDirective.Strict && problems.Count > 0)
        {
            throw ApiErrors.BadRequest($"{prefix}: strict decoding error: {string.Join(", ", problems)}");
        }

        var json = (JsonObject)body.ToNode()!;
        json["apiVersion"] = apiVersion;
        json["kind"] = kind;
        UnknownFields.Drop(json, modelType);
        EmptyCollections.Drop(json, modelType);
        object model;
        try
        {
            model = ModelJson.FromNode(json, modelType);
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest($"{prefix}: {DecodeErrors.Describe(root, modelType, e)}");
        }

        return new DecodedObject(model, json, problems);
    }

    private static string? StringProperty(JsonElement root, string name, string expectedKind, byte[] bytes)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw ApiErrors.BadRequest(
                $"the object provided is unrecognized (must be of type {expectedKind}): couldn't get version/kind; json parse error: json: cannot unmarshal {value.ValueKind.ToString().ToLowerInvariant()} into Go struct field .{name} of type string ({RequestBody.Summarize(bytes)})");
        }

        var text = value.GetString();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
