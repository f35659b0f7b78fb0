using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>DELETE of one object (the response is the object as deleted) and of a collection (deletecollection).</summary>
internal sealed class DeleteHandler(ApiContext api)
{
    public async Task DeleteAsync(HttpContext http, ResourceTarget target)
    {
        var request = await DeleteOptionsReader.ReadAsync(http.Request, http.RequestAborted);
        var deleted = Delete(target.Resource, target.Namespace, target.Name!, request);
        await api.Responses.WriteObjectAsync(http.Response, StatusCodes.Status200OK, deleted);
    }

    public async Task DeleteCollectionAsync(HttpContext http, ResourceTarget target)
    {
        var request = await DeleteOptionsReader.ReadAsync(http.Request, http.RequestAborted);
        var filter = ListOptions.Filter(target, new QueryParameters(http.Request.Query));
        var selected = api.Registry.List(target.Resource, filter.Namespace, filter.Matches, out _);
        var deleted = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var obj in selected)
        {
            try
            {
                deleted.Add(Delete(target.Resource, obj.Metadata.NamespaceProperty, obj.Metadata.Name, request));
            }
            catch (StoreNotFoundException)
            {
                // Deleted meanwhile (for instance garbage-collected with its owner): nothing left to do.
            }
        }

        await api.Responses.WriteListAsync(
            http.Response, target.Resource, deleted, new ListMetadata(api.Registry.ResourceVersion), ResponseFormat.Json, Tables.IncludeObjectPolicy.Metadata, http.RequestAborted);
    }

    private IKubernetesObject<V1ObjectMeta> Delete(ResourceType resource, string? @namespace, string name, DeleteRequest request) =>
        api.Registry.Delete(resource, @namespace, name, request);
}
