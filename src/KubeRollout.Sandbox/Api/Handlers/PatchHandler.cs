using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
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
/// slipped in between, unless the patch itself pins a resourceVersion (<see cref="GuaranteedUpdate"/>): a client
/// never sees 409 Conflict for a patch without a precondition.
/// </summary>
internal sealed class PatchHandler(ApiContext api)
{
    public async Task HandleAsync(HttpContext http, ResourceTarget target)
    {
        var options = PatchOptions.From(http.Request);
        var patch = PatchDocument.Parse(options.Format, await RequestBody.ReadBytesAsync(http.Request, http.RequestAborted));
        var outcome = GuaranteedUpdate.Run(api.Registry.Store, () => TryPatch(target, patch, options), http.RequestAborted);
        ResponseWriter.AddWarnings(http.Response, outcome.Warnings);
        await api.Responses.WriteObjectAsync(http.Response, outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, outcome.Result);
    }

    /// <summary>One attempt; null when another write came in between and the patch must be applied to the newer object.</summary>
    private PatchOutcome? TryPatch(ResourceTarget target, PatchDocument patch, PatchOptions options)
    {
        var resource = target.Resource;
        var current = api.Registry.Get(resource, target.Namespace, target.Name!);
        if (current is null && (options.Format != BodyFormat.ApplyPatch || target.Subresource is not null))
        {
            throw ApiErrors.NotFound(resource, target.Name!);
        }

        var currentJson = current is null ? null : ModelJson.ToNode(current);
        var patched = patch.ApplyTo(currentJson, resource.ModelType, options.Write.FieldManager, options.Force, api.Now);
        var warnings = new List<string>();
        var decoded = (IKubernetesObject<V1ObjectMeta>)PatchResult.Decode(
            patched, resource.ApiVersion, resource.Kind, resource.ModelType, patch, options.Write.Validation, warnings);
        decoded.Metadata ??= new V1ObjectMeta();
        ObjectIdentity.ForExisting(decoded, target);
        try
        {
            var write = new WriteRequest(options.Write.FieldManager, options.Write.DryRun, IsApply: options.Format == BodyFormat.ApplyPatch);
            var result = current is null
                ? api.Registry.Create(resource, decoded, write)
                : api.Registry.Update(resource, decoded, target.Subresource, write);
            return new PatchOutcome(result, current is null, warnings);
        }
        catch (StoreConflictException) when (current is not null && !PinsResourceVersion(patched, current))
        {
            return null; // someone else wrote in between: patch the newer version
        }
        catch (StoreException e) when (e.Reason == "AlreadyExists" && current is null)
        {
            return null; // created concurrently: apply to what now exists
        }
    }

    /// <summary>A patch that sets a resourceVersion other than the current one is a precondition, refused with 409.</summary>
    private static bool PinsResourceVersion(JsonObject patched, IKubernetesObject<V1ObjectMeta> current) =>
        patched["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } version && version != current.Metadata.ResourceVersion;

    private sealed record PatchOutcome(IKubernetesObject<V1ObjectMeta> Result, bool Created, List<string> Warnings);
}
