using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The scale subresource: GET, PUT and PATCH of an autoscaling/v1 Scale that reads and writes spec.replicas.</summary>
internal sealed class ScaleHandler(ApiContext api)
{
    private const string ScaleApiVersion = "autoscaling/v1";
    private const string ScaleKind = "Scale";

    public Task GetAsync(HttpContext http, ResourceTarget target) =>
        ResponseWriter.WriteModelAsync(http.Response, StatusCodes.Status200OK, ScaleConversion.ToScale(Current(target)));

    public async Task UpdateAsync(HttpContext http, ResourceTarget target)
    {
        var options = WriteOptions.From(http.Request, new QueryParameters(http.Request.Query), "UpdateOptions");
        var decoded = await ObjectBodyReader.ReadAsync(http.Request, ScaleApiVersion, ScaleKind, typeof(V1Scale), options.Validation, http.RequestAborted);
        var scale = (V1Scale)decoded.Model;
        var updated = Write(target, scale, options.FieldManager, options.DryRun);
        ResponseWriter.AddWarnings(http.Response, decoded.Warnings);
        await ResponseWriter.WriteModelAsync(http.Response, StatusCodes.Status200OK, updated);
    }

    public async Task PatchAsync(HttpContext http, ResourceTarget target)
    {
        var options = PatchOptions.From(http.Request);
        var patch = PatchDocument.Parse(options.Format, await RequestBody.ReadBytesAsync(http.Request, http.RequestAborted));
        var outcome = GuaranteedUpdate.Run(api.Registry.Store, () =>
        {
            var currentScale = ScaleConversion.ToScale(Current(target));
            var patched = patch.ApplyTo(ModelJson.ToNode(currentScale), typeof(V1Scale), options.Write.FieldManager, options.Force, api.Now);
            var warnings = new List<string>();
            var scale = (V1Scale)PatchResult.Decode(patched, ScaleApiVersion, ScaleKind, typeof(V1Scale), patch, options.Write.Validation, warnings);
            try
            {
                return new ScaleOutcome(Write(target, scale, options.Write.FieldManager, options.Write.DryRun), warnings);
            }
            catch (StoreConflictException) when (scale.Metadata?.ResourceVersion == currentScale.Metadata.ResourceVersion)
            {
                return null; // the object changed between read and write: patch the newer version
            }
        }, http.RequestAborted);
        ResponseWriter.AddWarnings(http.Response, outcome.Warnings);
        await ResponseWriter.WriteModelAsync(http.Response, StatusCodes.Status200OK, outcome.Scale);
    }

    private V1Scale Write(ResourceTarget target, V1Scale scale, string fieldManager, bool dryRun)
    {
        var name = target.Name!;
        if (scale.Metadata?.Name != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({scale.Metadata?.Name}) does not match the name on the URL ({name})");
        }

        var replicas = scale.Spec?.Replicas ?? 0;
        if (replicas < 0)
        {
            var message = $"Invalid value: {replicas}: must be greater than or equal to 0";
            throw new StoreException(422, "Invalid", $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: {message}",
                new V1StatusDetails
                {
                    Name = name,
                    Group = "autoscaling",
                    Kind = ScaleKind,
                    Causes = [new V1StatusCause { Reason = "FieldValueInvalid", Message = message, Field = "spec.replicas" }],
                });
        }

        var current = Current(target);
        if (UpdatePrecondition.Fails(scale.Metadata.ResourceVersion, current.Metadata.ResourceVersion))
        {
            throw ApiErrors.Conflict(target.Resource, name, "the object has been modified; please apply your changes to the latest version and try again");
        }

        var updated = api.Registry.Update(target.Resource, ScaleConversion.WithReplicas(current, replicas), subresource: null, new WriteRequest(fieldManager, dryRun));
        return ScaleConversion.ToScale(updated);
    }

    private k8s.IKubernetesObject<V1ObjectMeta> Current(ResourceTarget target) =>
        api.Registry.Get(target.Resource, target.Namespace, target.Name!) ?? throw ApiErrors.NotFound(target.Resource, target.Name!);

    private sealed record ScaleOutcome(V1Scale Scale, List<string> Warnings);
}
