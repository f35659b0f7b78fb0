using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>POST to a collection: create (generateName included), dry run, field validation.</summary>
internal sealed class CreateHandler(ApiContext api)
{
    public async Task HandleAsync(HttpContext http, ResourceTarget target)
    {
        var options = WriteOptions.From(http.Request, new QueryParameters(http.Request.Query), "CreateOptions");
        var resource = target.Resource;
        var decoded = await ObjectBodyReader.ReadAsync(http.Request, resource.ApiVersion, resource.Kind, resource.ModelType, options.Validation, http.RequestAborted);
        var obj = decoded.AsKubernetesObject();
        ObjectIdentity.ForCreate(obj, target);
        var created = api.Registry.Create(resource, obj, new WriteRequest(options.FieldManager, options.DryRun));
        ResponseWriter.AddWarnings(http.Response, decoded.Warnings);
        await api.Responses.WriteObjectAsync(http.Response, StatusCodes.Status201Created, created);
    }
}
