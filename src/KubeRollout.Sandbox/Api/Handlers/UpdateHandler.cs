using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>PUT of an object or of its status subresource; a stale resourceVersion is a 409 Conflict from the store.</summary>
internal sealed class UpdateHandler(ApiContext api)
{
    public async Task HandleAsync(HttpContext http, ResourceTarget target)
    {
        var options = WriteOptions.From(http.Request, new QueryParameters(http.Request.Query), "UpdateOptions");
        var resource = target.Resource;
        var decoded = await ObjectBodyReader.ReadAsync(http.Request, resource.ApiVersion, resource.Kind, resource.ModelType, options.Validation, http.RequestAborted);
        var obj = decoded.AsKubernetesObject();
        ObjectIdentity.ForExisting(obj, target);
        var updated = api.Registry.Update(resource, obj, target.Subresource, new WriteRequest(options.FieldManager, options.DryRun));
        ResponseWriter.AddWarnings(http.Response, decoded.Warnings);
        await api.Responses.WriteObjectAsync(http.Response, StatusCodes.Status200OK, updated);
    }
}
