using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// PATCH of an object or its status: JSON patch, merge patch, strategic merge patch and server-side apply (which
/// creates a missing object). Like the API server it patches the latest version and retries when another write
/// slipped in between, unless the patch itself pins a resourceVersion.
/// </summary>
internal sealed class PatchHandler(ApiContext api)
{
    public const int MaxAttempts = 5;

    public async Task HandleAsync(HttpContext http, ResourceTarget target)
    {
        var options = PatchOptions.From(http.Request);
        var patch = PatchDocument.Parse(options.Format, await RequestBody.ReadBytesAsync(http.Request, http.RequestAborted));
        var resource = target.Resource;
        for (var attempt = 1; ; attempt++)
        {
            var current = api.Registry.Get(resource, target.Namespace, target.Name!);
            if (current is null && (options.Format != BodyFormat.ApplyPatch || target.Subresource is not null))
            {
                throw ApiErrors.NotFound(resource, target.Name!);
            }

            var currentJson = current is null ? null : ModelJson.ToNode(current);
            var patched = patch.ApplyTo(currentJson, resource.ModelType, options.Write.FieldManager, options.Force, api.Now);
            var warnings = new List<string>();
            var decoded = (k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>)PatchResult.Decode(
                patched, resource.ApiVersion, resource.Kind, resource.ModelType, patch, options.Write.Validation, warnings);
            decoded.Metadata ??= new k8s.Models.V1ObjectMeta();
            ObjectIdentity.ForExisting(decoded, target);
            try
            {
                var write = new WriteRequest(options.Write.FieldManager, options.Write.DryRun, IsApply: options.Format == BodyFormat.ApplyPatch);
                var result = current is null
                    ? api.Registry.Create(resource, decoded, write)
                    : api.Registry.Update(resource, decoded, target.Subresource, write);
                ResponseWriter.AddWarnings(http.Response, warnings);
                await api.Responses.WriteObjectAsync(http.Response, current is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, result);
                return;
            }
            catch (StoreConflictException) when (attempt < MaxAttempts && current is not null && !PinsResourceVersion(patched, current))
            {
                // Someone else wrote in between: patch the newer version.
            }
            catch (StoreException e) when (e.Reason == "AlreadyExists" && current is null && attempt < MaxAttempts)
            {
                // Created concurrently: apply to what now exists.
            }
        }
    }

    private static bool PinsResourceVersion(JsonObject patched, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> current) =>
        patched["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } version && version != current.Metadata.ResourceVersion;
}
