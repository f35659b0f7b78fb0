using System.Text.Json;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Validation;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// Turns the JSON a patch produced into a model object as the API server does: unknown fields of the result (and
/// duplicate keys of the patch) are strict decoding errors or warnings; a result that does not decode is 422 Invalid.
/// </summary>
internal static class PatchResult
{
    public static object Decode(
        JsonObject patched, string expectedApiVersion, string expectedKind, Type modelType, PatchDocument patch, FieldValidationDirective validation, List<string> warnings)
    {
        patched["apiVersion"] ??= expectedApiVersion;
        patched["kind"] ??= expectedKind;
        KindCheck.Verify(patched["apiVersion"]?.GetValueKind() == JsonValueKind.String ? (string)patched["apiVersion"]! : string.Empty,
            patched["kind"]?.GetValueKind() == JsonValueKind.String ? (string)patched["kind"]! : string.Empty,
            expectedApiVersion, expectedKind);

        using var document = JsonSerializer.SerializeToDocument(patched, ModelJson.DeepTrees);
        if (validation != FieldValidationDirective.Ignore)
        {
            var problems = patch.Duplicates.Concat(FieldValidator.Check(document.RootElement, modelType)).ToList();
            if (validation == FieldValidationDirective.Strict && problems.Count > 0)
            {
                throw ApiErrors.BadRequest($"strict decoding error: {string.Join(", ", problems)}");
            }

            warnings.AddRange(problems);
        }

        try
        {
            UnknownFields.Drop(patched, modelType);
            EmptyCollections.Drop(patched, modelType);
            return ModelJson.FromNode(patched, modelType);
        }
        catch (JsonException e)
        {
            throw ApiErrors.InvalidPatchResult(patched.ToJsonString(ModelJson.DeepTrees), DecodeErrors.Describe(document.RootElement, modelType, e));
        }
    }
}
